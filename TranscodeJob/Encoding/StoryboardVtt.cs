using System.Globalization;
using System.Text;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>
/// The WebVTT track players use for seek previews: one cue per thumbnail whose text is the sprite sheet and the
/// thumbnail's rectangle as a media fragment (<c>storyboard-000.jpg#xywh=160,0,160,90</c>).
/// </summary>
internal static class StoryboardVtt
{
    public static string Write(StoryboardPlan plan, TimeSpan duration)
    {
        var text = new StringBuilder("WEBVTT\n");
        for (var i = 0; i < plan.Count; i++)
        {
            var start = plan.Interval * i;
            var end = i == plan.Count - 1 ? Max(duration, start + TimeSpan.FromMilliseconds(1)) : plan.Interval * (i + 1);
            var onSheet = i % plan.PerSheet;
            var x = onSheet % plan.Columns * plan.TileWidth;
            var y = onSheet / plan.Columns * plan.TileHeight;
            text.Append('\n')
                .Append(Timestamp(start)).Append(" --> ").Append(Timestamp(end)).Append('\n')
                .Append(CultureInfo.InvariantCulture, $"{StoryboardPlan.SheetFileName(i / plan.PerSheet)}#xywh={x},{y},{plan.TileWidth},{plan.TileHeight}\n");
        }

        return text.ToString();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    // hh:mm:ss.ttt, hours unbounded (WebVTT allows more than two digits).
    private static string Timestamp(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{(long)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}.{time.Milliseconds:000}");
}
