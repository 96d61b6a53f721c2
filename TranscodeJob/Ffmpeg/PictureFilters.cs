using System.Globalization;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>
/// The one builder of the video filters that make a decoded source what every player plays. The head runs once per
/// decode: deinterlace, the planned constant frame rate, the last frame's hold, and (HDR) tone mapping at the top
/// rung's size, since tone mapping costs by the pixel. Each rung then only scales.
/// </summary>
internal static class PictureFilters
{
    public const string Deinterlace = "bwdif=mode=send_frame:deint=interlaced";

    // Linear light, Hable curve, back to BT.709: the usual zimg recipe for PQ/HLG to SDR.
    public const string ToneMap =
        "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv";

    /// <summary>
    /// The filters before the ladder splits, for <paramref name="top"/>, the largest rung.
    /// <para>
    /// The frame rate is fixed here, at the head: a source faster than the plan (120 fps, or 1000 fps built to make
    /// work) loses its extra frames before anything scales them, instead of every rung scaling every frame and the
    /// encoders dropping them afterwards. The frames a slower source repeats are the same either way.
    /// </para>
    /// </summary>
    /// <param name="constantRate">False for a single picture (the poster): no rate to keep.</param>
    /// <param name="cut">
    /// A chunk's trim of the constant-rate frames, placed as soon as they are numbered, so that tone mapping never runs
    /// on the frames decoded before the chunk starts.
    /// </param>
    public static IReadOnlyList<string> Head(RenditionPlan top, bool constantRate = true, string? cut = null)
    {
        var filters = new List<string>();
        if (top.Deinterlace)
        {
            filters.Add(Deinterlace);
        }

        if (constantRate)
        {
            // The frame at EOF is kept even when rounding would drop it: a source of one frame is that frame.
            filters.Add(Invariant($"fps={top.FrameRate}:eof_action=pass"));
            if (HoldLastFrame(top) is { } hold)
            {
                filters.Add(hold);
            }

            if (cut is not null)
            {
                filters.Add(cut);
            }
        }

        if (top.ToneMap)
        {
            filters.Add(Invariant($"scale={top.Width}:{top.Height}"));
            filters.Add(ToneMap);
            filters.Add("format=yuv420p");
        }

        return filters;
    }

    /// <summary>One rung's tail: its size, 8-bit 4:2:0 (or full-range for a JPEG), square pixels.</summary>
    public static string Rung(int width, int height, string pixelFormat = "yuv420p") =>
        Invariant($"scale={width}:{height},format={pixelFormat},setsar=1");

    /// <summary>
    /// A source whose last frame is shown for a while (a screen recording's still tail, whose last block in
    /// Matroska/WebM carries no duration): the constant-rate conversion stops one frame after that frame starts, so
    /// the last frame is cloned for its hold and <c>-t</c> cuts at the real end. Null when the hold is no longer than
    /// two frames.
    /// </summary>
    internal static string? HoldLastFrame(RenditionPlan plan) =>
        plan.FrameRate.Value > 0 && plan.LastFrameHold.TotalSeconds > 2 / plan.FrameRate.Value
            ? Invariant($"tpad=stop_mode=clone:stop_duration={plan.LastFrameHold.TotalSeconds:0.###}")
            : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
