using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Ffmpeg;

internal static partial class FfmpegArguments
{
    /// <summary>One trial encode of the per-title analysis: rung <paramref name="Rung"/> (an index into the plans) at a factor.</summary>
    /// <param name="OutputPath">The raw elementary stream: its size is the trial's bits, with no container around them.</param>
    internal sealed record TrialEncode(int Rung, int Crf, string OutputPath);

    /// <summary>A trial's raw stream, in <paramref name="Format"/> (<see cref="TrialFormat"/>), and where its per-frame SSIM and PSNR go.</summary>
    internal sealed record MeasuredTrial(string TrialPath, string SsimStatsPath, string PsnrStatsPath, string Format = "h264");

    /// <summary>
    /// A trial's raw elementary stream: H.264 Annex B, or AV1's low-overhead OBU stream for an AV1 twin (a temporal
    /// delimiter of two bytes a frame around the pictures' bits).
    /// </summary>
    public static string TrialFormat(VideoCodecs codec) => codec == VideoCodecs.Av1 ? "obu" : "h264";

    /// <summary>One stretch of the source a trial reads: a seek before the input, and a length.</summary>
    internal sealed record SourceWindow(TimeSpan Seek, TimeSpan Length);

    /// <summary>
    /// The trial encodes: every window of the source read and put through the encode's head filters, the windows joined
    /// end to end (<c>concat</c>), split to every rung tried, and each rung to its factors, every trial with the rung's
    /// own encoder options (<see cref="RungEncoder"/>, <see cref="OutputTiming"/>) at its factor. One process and one
    /// encoder per trial for all the windows: each x264 starts once. x264 writes its settings as an SEI message (about
    /// 700 bytes) that the encode pays once in a whole track but a trial in a second: the trials drop SEI units
    /// (<c>filter_units</c>), so that their size is the pictures' bits.
    /// </summary>
    /// <param name="plans">The rungs, largest first, their head filters the encode's (a held last frame is not held).</param>
    /// <param name="referencePath">
    /// Where to keep the largest rung's pictures before its encoders (the joined windows at its size, as a viewer of the
    /// reference size sees the source), raw, for the scoring (<see cref="ForTrialQuality(string, RenditionPlan, IReadOnlyList{MeasuredTrial})"/>);
    /// null keeps nothing.
    /// </param>
    public static IReadOnlyList<string> ForTrialEncodes(
        SourceInput source, int videoStreamIndex, IReadOnlyList<RenditionPlan> plans, EncoderSettings encoder, IReadOnlyList<SourceWindow> windows, IReadOnlyList<TrialEncode> trials,
        string? referencePath = null)
    {
        var arguments = new List<string>(Preamble(progress: false));
        foreach (var window in windows)
        {
            arguments.AddRange(SourceArguments(source, seek: window.Seek, length: window.Length));
        }

        var rungs = trials.Select(t => t.Rung).Distinct().Order().ToList();
        var parts = new List<string>
        {
            $"{JoinedWindows(videoStreamIndex, plans[0], windows.Count)},split={rungs.Count}{string.Concat(rungs.Select(r => $"[a{r}]"))}",
        };
        foreach (var rung in rungs)
        {
            var mine = trials.Select((t, i) => (t, i)).Where(x => x.t.Rung == rung).Select(x => $"[t{x.i}]").ToList();
            if (rung == 0 && referencePath is not null)
            {
                mine.Add("[reference]");
            }

            parts.Add($"[a{rung}]{PictureFilters.Rung(plans[rung].Width, plans[rung].Height)},split={mine.Count}{string.Concat(mine)}");
        }

        arguments.AddRange(["-filter_complex", string.Join(';', parts)]);
        var seconds = TimeSpan.FromTicks(windows.Sum(w => w.Length.Ticks));
        foreach (var (trial, i) in trials.Select((t, i) => (t, i)))
        {
            var plan = plans[trial.Rung];
            arguments.AddRange(["-map", $"[t{i}]", "-map_metadata", "-1"]);
            arguments.AddRange(RungEncoder(plan, encoder, trial.Crf));
            arguments.AddRange(plan.Codec == VideoCodecs.Av1 ? [] : OneEncoderThread);
            arguments.AddRange(OutputTiming(plan with { Duration = seconds }, encoder));
            arguments.AddRange(["-an", "-sn", "-dn"]);
            arguments.AddRange(plan.Codec == VideoCodecs.Av1 ? [] : ["-bsf:v", "filter_units=remove_types=6"]);
            arguments.AddRange(["-f", TrialFormat(plan.Codec), FileUrl(trial.OutputPath)]);
        }

        if (referencePath is not null)
        {
            arguments.AddRange(RawPicturesOutput("[reference]", referencePath));
        }

        return arguments;
    }

    /// <summary>
    /// x264's frame threads (three an encoder on two cores), started for a second of frames and drained at its end, cost
    /// more than the trials' pictures: one thread each halved the trial encodes' CPU on 30 s of 1080p slides (2.6 to
    /// 1.4 s) for the same bits to 0.1%, and the seven encoders still run side by side. SVT-AV1's own thread pool was
    /// measured too: pinning it to one thread saved under 2%, so the AV1 trials keep the encode's options.
    /// </summary>
    private static readonly string[] OneEncoderThread = ["-threads", "1"];

    /// <summary>
    /// The SSIM and PSNR of the trial encodes against the source as a viewer sees it: the windows read again, through the head
    /// filters at <paramref name="reference"/>'s size and joined as the trials joined them, each trial scaled bicubic to
    /// that size (as <see cref="ForQualityWindow(SourceInput, int, RenditionPlan, Quality.QualityWindow, IReadOnlyList{MeasuredTrack})"/> measures the renditions). The raw streams carry no timestamps: both
    /// sides are numbered frame by frame from zero.
    /// </summary>
    public static IReadOnlyList<string> ForTrialQuality(
        SourceInput source, int videoStreamIndex, RenditionPlan reference, IReadOnlyList<SourceWindow> windows, IReadOnlyList<MeasuredTrial> trials)
    {
        var inputs = windows.SelectMany(window => SourceArguments(source, seek: window.Seek, length: window.Length)).ToList();
        var pictures = $"{JoinedWindows(videoStreamIndex, reference, windows.Count)},{PictureFilters.Rung(reference.Width, reference.Height)}";
        return TrialQuality(inputs, windows.Count, pictures, reference, trials);
    }

    /// <summary>
    /// The same scoring against the reference the trial encodes kept (<see cref="ForTrialEncodes"/>' referencePath):
    /// the source is not decoded, its windows not put through the head filters, nor scaled, a second time (on 15 s of
    /// 4K that was most of the scoring's CPU).
    /// </summary>
    public static IReadOnlyList<string> ForTrialQuality(string referencePath, RenditionPlan reference, IReadOnlyList<MeasuredTrial> trials) =>
        TrialQuality([.. OneDecoderThread, .. OwnInput(referencePath)], 1, "[0:v:0]null", reference, trials);

    /// <param name="inputs">The arguments of the inputs the reference's pictures come from, <paramref name="inputCount"/> of them.</param>
    /// <param name="pictures">The filters that make the reference's pictures from them, left open for the next filter.</param>
    private static IReadOnlyList<string> TrialQuality(
        IReadOnlyList<string> inputs, int inputCount, string pictures, RenditionPlan reference, IReadOnlyList<MeasuredTrial> trials)
    {
        var arguments = new List<string>([.. Preamble(progress: false), .. OneFilterThread, .. inputs]);
        foreach (var trial in trials)
        {
            arguments.AddRange(["-framerate", reference.FrameRate.ToString(), "-f", trial.Format, .. OneDecoderThread]);
            arguments.AddRange(OwnInput(trial.TrialPath));
        }

        // Scored as the renditions are (QualityFilterGraph), both sides numbered frame by frame.
        var tracks = trials.Select(t => new MeasuredTrack(t.TrialPath, t.SsimStatsPath, t.PsnrStatsPath)).ToList();
        var head = NumberedHead(pictures + ",", reference, tracks.Count);
        arguments.AddRange(ScoredToNowhere(QualityFilterGraph(head, reference, tracks, numbered: true, firstInput: inputCount), tracks.Count));
        return arguments;
    }

    /// <summary>
    /// The first <paramref name="count"/> inputs, each through the head filters for <paramref name="top"/>, one after
    /// another: <c>[0:v] head [w0]; …; [w0][w1]… concat</c>, left open for the next filter. Each window's clock starts at
    /// zero before the rate is made constant: a seek lands a fraction of a frame after the window's start, and the
    /// encoder's constant rate (<see cref="OutputTiming"/>) then repeated the first frame of the trials, which the
    /// reference does not, and every frame after it was compared with its neighbour (measured: a Mandelbrot zoom scored
    /// 10.9 dB at every rung and size, and the per-title ladder dropped every rung but the smallest).
    /// </summary>
    private static string JoinedWindows(int videoStreamIndex, RenditionPlan top, int count)
    {
        var head = string.Join(',', ["setpts=PTS-STARTPTS", .. PictureFilters.Head(top)]);
        var windows = Enumerable.Range(0, count).Select(i => $"[{i}:{videoStreamIndex}]{head}[w{i}]");
        return string.Join(';', windows) + ";" + string.Concat(Enumerable.Range(0, count).Select(i => $"[w{i}]")) + Invariant($"concat=n={count}:v=1:a=0");
    }
}
