using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Ffmpeg;

internal static partial class FfmpegArguments
{
    /// <summary>
    /// The whole ladder in one process: the source is decoded once, deinterlaced and (HDR) tone-mapped once, then
    /// split to every rung, to the storyboard and, from its own stream, to the one audio encode. Outputs in
    /// order: one CMAF video track per plan, the audio track (when <paramref name="audio"/> is set), the sheets.
    /// </summary>
    /// <param name="outputPaths">One CMAF file per plan, in the plans' order.</param>
    public static IReadOnlyList<string> ForLadder(
        string inputPath,
        int videoStreamIndex,
        IReadOnlyList<RenditionPlan> plans,
        EncoderSettings encoder,
        IReadOnlyList<string> outputPaths,
        AudioPlan? audio,
        string? audioPath,
        StoryboardPlan storyboard,
        string sheetPattern)
    {
        var arguments = new List<string>(InputArguments(inputPath))
        {
            "-filter_complex", LadderFilterGraph(videoStreamIndex, plans, storyboard),
        };

        for (var i = 0; i < plans.Count; i++)
        {
            arguments.AddRange(["-map", $"[v{i}]"]);
            arguments.AddRange(VideoTrackOutput(plans[i], encoder, outputPaths[i]));
        }

        if (audio is not null && audioPath is not null)
        {
            arguments.AddRange(AudioTrackOutput(audio, encoder, audioPath));
        }

        arguments.AddRange(["-map", "[sb]"]);
        arguments.AddRange(StoryboardOutput(sheetPattern));
        return arguments;
    }

    /// <summary>
    /// <c>[0:v] fixes, split=N+1 → [v0]…[vN-1] (each scaled to its rung) and [sb] (the storyboard)</c>. With HDR
    /// the picture is first scaled to the top rung and tone-mapped there, once; the other rungs scale from it.
    /// </summary>
    internal static string LadderFilterGraph(int videoStreamIndex, IReadOnlyList<RenditionPlan> plans, StoryboardPlan storyboard)
    {
        var top = plans[0];
        var fixes = top.ToneMap
            ? PictureFixes(top, (top.Width, top.Height)).Append("format=yuv420p").ToList()
            : top.Deinterlace ? ["bwdif=mode=send_frame:deint=interlaced"] : [];
        var head = Invariant($"[0:{videoStreamIndex}]") + string.Join(',', fixes.Append(Invariant($"split={plans.Count + 1}")))
                   + string.Concat(Enumerable.Range(0, plans.Count).Select(i => Invariant($"[s{i}]"))) + "[ss]";

        var rungs = plans.Select((plan, i) => Invariant($"[s{i}]scale={plan.Width}:{plan.Height},format=yuv420p,setsar=1[v{i}]"));
        var sheets = Invariant($"[ss]fps=1/{storyboard.Interval.TotalSeconds:0.###},scale={storyboard.TileWidth}:{storyboard.TileHeight},format=yuvj420p,")
                     + StoryboardTail(storyboard) + "[sb]";
        return string.Join(';', rungs.Prepend(head).Append(sheets));
    }

    /// <summary>The names of the single pass's outputs in ffmpeg's output-file order, to name a failing one.</summary>
    public static IReadOnlyList<string> LadderOutputNames(IReadOnlyList<RenditionPlan> plans, bool withAudio) =>
        [.. plans.Select(p => p.Name), .. withAudio ? new[] { AudioPlan.Name } : [], "storyboard"];
}
