using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Ffmpeg;

internal static partial class FfmpegArguments
{
    /// <summary>
    /// The whole ladder in one process: the source is decoded once, deinterlaced and (HDR) tone-mapped once, then
    /// split to every rung, to the storyboard, to the poster and, from its own stream, to the one audio encode.
    /// Outputs in order: one CMAF video track per plan, the audio track (when <paramref name="audio"/> is set), the
    /// sheets, the poster.
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
        string sheetPattern,
        TimeSpan posterAt,
        string posterPath)
    {
        var arguments = new List<string>(InputArguments(inputPath))
        {
            "-filter_complex", LadderFilterGraph(videoStreamIndex, plans, storyboard, posterAt),
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
        // The first frame at or after the poster's time; the output ends there while the others go on.
        arguments.AddRange(["-map", "[po]", "-map_metadata", "-1", "-an", "-sn", "-dn", "-frames:v", "1", "-q:v", "3", "-f", "image2", "-update", "1", FileUrl(posterPath)]);
        return arguments;
    }

    /// <summary>
    /// <c>[0:v] fixes, split=N+2 → [v0]…[vN-1] (each scaled to its rung), [sb] (the storyboard), [po] (the poster)</c>.
    /// With HDR the picture is first scaled to the top rung and tone-mapped there, once; the other rungs scale from it.
    /// The poster rides the pass rather than a second process that seeks and decodes a GOP of the source again.
    /// </summary>
    internal static string LadderFilterGraph(int videoStreamIndex, IReadOnlyList<RenditionPlan> plans, StoryboardPlan storyboard, TimeSpan posterAt)
    {
        var top = plans[0];
        List<string> fixes = top.ToneMap
            ? [.. PictureFixes(top, (top.Width, top.Height)), "format=yuv420p"]
            : top.Deinterlace ? ["bwdif=mode=send_frame:deint=interlaced"] : [];
        if (HoldLastFrame(top) is { } hold)
        {
            fixes.Insert(0, hold);
        }

        var head = Invariant($"[0:{videoStreamIndex}]") + string.Join(',', fixes.Append(Invariant($"split={plans.Count + 2}")))
                   + string.Concat(Enumerable.Range(0, plans.Count).Select(i => Invariant($"[s{i}]"))) + "[ss][sp]";

        var rungs = plans.Select((plan, i) => Invariant($"[s{i}]scale={plan.Width}:{plan.Height},format=yuv420p,setsar=1[v{i}]"));
        var sheets = Invariant($"[ss]fps=1/{storyboard.Interval.TotalSeconds:0.###},scale={storyboard.TileWidth}:{storyboard.TileHeight},format=yuvj420p,")
                     + StoryboardTail(storyboard) + "[sb]";
        // Exactly one frame passes (the first at or after the poster's time: prev_selected_t is NaN until then), so
        // only that one frame is scaled; the branch costs nothing for the rest of the video.
        var poster = Invariant($"[sp]select='isnan(prev_selected_t)*gte(t,{posterAt.TotalSeconds:0.###})',scale={top.Width}:{top.Height},format=yuvj420p,setsar=1[po]");
        return string.Join(';', rungs.Prepend(head).Append(sheets).Append(poster));
    }

    /// <summary>The names of the single pass's outputs in ffmpeg's output-file order, to name a failing one.</summary>
    public static IReadOnlyList<string> LadderOutputNames(IReadOnlyList<RenditionPlan> plans, bool withAudio) =>
        [.. plans.Select(p => p.Name), .. withAudio ? new[] { AudioPlan.Name } : [], "storyboard", "the poster"];
}
