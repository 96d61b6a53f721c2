using Transcoder.TranscodeJob.Quality;
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
    /// <param name="reference">The quality windows' pictures to keep raw (<see cref="KeptReference"/>), the last output; null for none.</param>
    public static IReadOnlyList<string> ForLadder(
        SourceInput source,
        int? videoStreamIndex,
        IReadOnlyList<RenditionPlan> plans,
        EncoderSettings encoder,
        IReadOnlyList<string> outputPaths,
        IReadOnlyList<AudioPlan> audio,
        IReadOnlyList<string> audioPaths,
        KeptReference? reference = null)
    {
        var arguments = new List<string>(Preamble(progress: true));
        arguments.AddRange(SourceArguments(source));
        if (plans.Count > 0)
        {
            var video = videoStreamIndex ?? throw new ArgumentException("video renditions need the source's video stream", nameof(videoStreamIndex));
            arguments.AddRange(["-filter_complex", LadderFilterGraph(video, plans, reference: reference)]);
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

        if (reference is not null && plans.Count > 0)
        {
            arguments.AddRange(RawPicturesOutput("[reference]", reference.Path));
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
    /// <param name="reference">
    /// The quality windows' pictures to keep: one more branch, <c>[sN]</c> numbered frame by frame, the windows'
    /// frames selected, then scaled to the reference size (only those frames are): <c>[reference]</c>. It takes few
    /// frames, unlike the rungs, yet it does not stall them as the storyboard's branch did (below): measured on 15 s of
    /// 2160p, the same CPU and 1% more memory than the ladder without it.
    /// </param>
    internal static string LadderFilterGraph(int videoStreamIndex, IReadOnlyList<RenditionPlan> plans, string? cut = null, KeptReference? reference = null)
    {
        var sizes = plans.Select((plan, i) => (plan, i)).GroupBy(p => (p.plan.Width, p.plan.Height)).ToList();
        var branches = sizes.Count + (reference is null ? 0 : 1);
        var head = $"[0:{videoStreamIndex}]"
                   + string.Join(',', PictureFilters.Head(plans[0], cut: cut).Append($"split={branches}"))
                   + string.Concat(Enumerable.Range(0, branches).Select(i => $"[s{i}]"));
        var rungs = sizes.Select((size, s) =>
        {
            var outputs = string.Concat(size.Select(p => $"[v{p.i}]"));
            var split = size.Count() > 1 ? $",split={size.Count()}" : "";
            return $"[s{s}]{PictureFilters.Rung(size.Key.Width, size.Key.Height)}{split}{outputs}";
        });
        if (reference is not null)
        {
            // Numbered from the timeline's zero as the renditions are. A picture that starts after the sound (AAC's
            // priming puts it 21 ms in: Matroska and MPEG-TS from ffmpeg, OBS recordings) leaves the rate filter at frame
            // 1, and the constant-rate outputs repeat it at 0; numbered from its first frame instead, every kept picture
            // was the renditions' frame before it (measured: 12.1 dB SSIM instead of 23.7 on a 720p test pattern).
            var frames = string.Join('+', reference.FrameRanges.Select(r => Invariant($"between(n,{r.First},{r.Last})")));
            rungs = rungs.Append(
                $"[s{sizes.Count}]fps={reference.Reference.FrameRate}:start_time=0,{Numbered(reference.Reference)},select='gt({frames},0)',{PictureFilters.Rung(reference.Reference.Width, reference.Reference.Height)}[reference]");
        }

        return string.Join(';', rungs.Prepend(head));
    }

    /// <summary>
    /// An output of the pictures a graph's <paramref name="label"/> makes, raw in NUT (<see cref="RawReference"/>): every
    /// picture as the filters made it, with no rate conversion, so that a later run finds each by its number.
    /// </summary>
    private static string[] RawPicturesOutput(string label, string path) =>
        ["-map", label, "-map_metadata", "-1", "-c:v", "rawvideo", "-fps_mode", "passthrough", "-an", "-sn", "-dn", "-f", "nut", FileUrl(path)];

    /// <summary>The names of the single pass's outputs in ffmpeg's output-file order, to name a failing one.</summary>
    public static IReadOnlyList<string> LadderOutputNames(IReadOnlyList<RenditionPlan> plans, IReadOnlyList<AudioPlan> audio, bool keepsReference = false) =>
        [.. plans.Select(p => p.Name), .. audio.Select(a => a.Name), .. keepsReference ? ["the quality reference"] : Array.Empty<string>()];
}
