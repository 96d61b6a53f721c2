using System.Globalization;
using System.Text;

namespace Transcoder.Shared.Captions;

/// <summary>Writes cues as a WebVTT file (the W3C WebVTT format): the signature, header lines, then one block per cue.</summary>
public static class WebVttWriter
{
    /// <param name="header">Lines for the header, right below <c>WEBVTT</c> (an HLS segment's <c>X-TIMESTAMP-MAP</c>).</param>
    public static string Write(IEnumerable<Cue> cues, params IReadOnlyList<string> header)
    {
        var text = new StringBuilder("WEBVTT\n");
        foreach (var line in header)
        {
            text.Append(line).Append('\n');
        }

        foreach (var cue in cues)
        {
            text.Append('\n')
                .Append(Timestamp(cue.Start)).Append(" --> ").Append(Timestamp(cue.End))
                .Append(cue.Settings.Length > 0 ? " " + cue.Settings : "").Append('\n');
            if (cue.Text.Length > 0)
            {
                text.Append(cue.Text).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>A WebVTT timestamp, <c>hh:mm:ss.ttt</c> (more hour digits past 99 hours).</summary>
    public static string Timestamp(TimeSpan time)
    {
        var millis = (long)Math.Round(time.TotalMilliseconds, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{millis / 3_600_000:00}:{millis / 60_000 % 60:00}:{millis / 1000 % 60:00}.{millis % 1000:000}");
    }
}
