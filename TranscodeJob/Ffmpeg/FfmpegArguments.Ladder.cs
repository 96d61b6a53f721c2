using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Ffmpeg;

internal static partial class FfmpegArguments
{
    /// <summary>
    /// The whole ladder in one process: the source is decoded once, its head filters run once (deinterlace, frame
    /// rate, hold, tone mapping), then it splits to every rung; each audio track is decoded once, from its own stream,
    /// for its own encode. Outputs in order: one CMAF video track per plan, then one CMAF audio track per audio plan.
    /// An audio-only source has no plans and no video stream: only the audio outputs.
    /// </summary>
    /// <param name="videoStreamIndex">The source's video stream; null for an audio-only source.</param>
    /// <param name="outputPaths">One CMAF file per plan, in the plans' order.</param>
    /// <param name="audioPaths">One CMAF file per audio plan, in their order.</param>
    public static IReadOnlyList<string> ForLadder(
        SourceInput source,
        int? videoStreamIndex,
        IReadOnlyList<RenditionPlan> plans,
        EncoderSettings encoder,
        IReadOnlyList<string> outputPaths,
        IReadOnlyList<AudioPlan> audio,
        IReadOnlyList<string> audioPaths)
    {
        var arguments = new List<string>(Preamble(progress: true));
        arguments.AddRange(SourceArguments(source));
        if (plans.Count > 0)
        {
            var video = videoStreamIndex ?? throw new ArgumentException("video renditions need the source's video stream", nameof(videoStreamIndex));
            arguments.AddRange(["-filter_complex", LadderFilterGraph(video, plans)]);
        }

        for (var i = 0; i < plans.Count; i++)
        {
            arguments.AddRange(["-map", $"[v{i}]"]);
            arguments.AddRange(VideoTrackOutput(plans[i], encoder, outputPaths[i]));
        }

        for (var i = 0; i < audio.Count; i++)
        {
            arguments.AddRange(AudioTrackOutput(audio[i], encoder, audioPaths[i]));
        }

        return arguments;
    }

    /// <summary>
    /// <c>[0:v] head, split=N → [v0]…[vN-1]</c>, each scaled to its rung. Renditions of the same size (a rung and its
    /// AV1 twin) share one scale, split after it: <c>[s1] scale, split=2 → [v1][v4]</c>.
    /// <para>
    /// Only the rungs hang off the graph, and every one of them takes every frame. The storyboard and the poster were
    /// branches of it once: ffmpeg 5.1 keeps running a graph for the output that has gone longest without a frame,
    /// and a branch that emits rarely (a sheet every hundred thumbnails, a poster at 10%) made every rung's frames
    /// queue behind it (one frame held for an hour with sound grew ffmpeg past 7 GB in a minute). They are made from
    /// the finished renditions instead (see <c>Encoding/StoryboardMaker</c>, <c>Encoding/PosterMaker</c>).
    /// </para>
    /// </summary>
    /// <param name="cut">A chunk's trim, in the head right after the frame rate is fixed (see <see cref="PictureFilters.Head"/>).</param>
    internal static string LadderFilterGraph(int videoStreamIndex, IReadOnlyList<RenditionPlan> plans, string? cut = null)
    {
        var sizes = plans.Select((plan, i) => (plan, i)).GroupBy(p => (p.plan.Width, p.plan.Height)).ToList();
        var head = $"[0:{videoStreamIndex}]"
                   + string.Join(',', PictureFilters.Head(plans[0], cut: cut).Append($"split={sizes.Count}"))
                   + string.Concat(Enumerable.Range(0, sizes.Count).Select(i => $"[s{i}]"));
        var rungs = sizes.Select((size, s) =>
        {
            var outputs = string.Concat(size.Select(p => $"[v{p.i}]"));
            var split = size.Count() > 1 ? $",split={size.Count()}" : "";
            return $"[s{s}]{PictureFilters.Rung(size.Key.Width, size.Key.Height)}{split}{outputs}";
        });
        return string.Join(';', rungs.Prepend(head));
    }

    /// <summary>The names of the single pass's outputs in ffmpeg's output-file order, to name a failing one.</summary>
    public static IReadOnlyList<string> LadderOutputNames(IReadOnlyList<RenditionPlan> plans, IReadOnlyList<AudioPlan> audio) =>
        [.. plans.Select(p => p.Name), .. audio.Select(a => a.Name)];
}
