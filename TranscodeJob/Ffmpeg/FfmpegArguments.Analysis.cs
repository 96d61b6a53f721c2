using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Ffmpeg;

internal static partial class FfmpegArguments
{
    /// <summary>One trial encode of the per-title analysis: rung <paramref name="Rung"/> (an index into the plans) at a factor.</summary>
    /// <param name="OutputPath">The raw elementary stream: its size is the trial's bits, with no container around them.</param>
    internal sealed record TrialEncode(int Rung, int Crf, string OutputPath);

    /// <summary>A trial's raw stream and where its per-frame SSIM goes.</summary>
    internal sealed record MeasuredTrial(string TrialPath, string SsimStatsPath);

    /// <summary>
    /// The trial encodes of one window: the source read from <paramref name="seek"/> for <paramref name="length"/>,
    /// decoded once through the encode's head filters, split to every rung tried, and each rung to its factors, every
    /// trial with the rung's own encoder options (<see cref="VideoEncoder"/>, <see cref="OutputTiming"/>) at its factor.
    /// x264 writes its settings as an SEI message (about 700 bytes) that the encode pays once but a trial once per
    /// window: the trials drop SEI units (<c>filter_units</c>), so that their size is the pictures' bits.
    /// </summary>
    public static IReadOnlyList<string> ForTrialEncodes(
        SourceInput source, int videoStreamIndex, IReadOnlyList<RenditionPlan> plans, EncoderSettings encoder, TimeSpan seek, TimeSpan length, IReadOnlyList<TrialEncode> trials)
    {
        var arguments = new List<string>(Preamble(progress: false));
        arguments.AddRange(SourceArguments(source, seek: seek, length: length));
        arguments.AddRange(["-filter_complex", TrialFilterGraph(videoStreamIndex, plans, trials)]);
        foreach (var (trial, i) in trials.Select((t, i) => (t, i)))
        {
            var plan = plans[trial.Rung];
            arguments.AddRange(["-map", $"[t{i}]", "-map_metadata", "-1"]);
            arguments.AddRange(VideoEncoder(plan, encoder, trial.Crf));
            arguments.AddRange(OutputTiming(plan with { Duration = length }, encoder));
            arguments.AddRange(["-an", "-sn", "-dn", "-bsf:v", "filter_units=remove_types=6", "-f", "h264", FileUrl(trial.OutputPath)]);
        }

        return arguments;
    }

    /// <summary><c>[0:v] head, split</c> to each rung tried, each scaled to its size and split to its trials <c>[t0]…</c>.</summary>
    internal static string TrialFilterGraph(int videoStreamIndex, IReadOnlyList<RenditionPlan> plans, IReadOnlyList<TrialEncode> trials)
    {
        var rungs = trials.Select(t => t.Rung).Distinct().Order().ToList();
        var parts = new List<string>
        {
            $"[0:{videoStreamIndex}]"
            + string.Join(',', PictureFilters.Head(plans[0]).Append(Invariant($"split={rungs.Count}")))
            + string.Concat(rungs.Select(r => $"[a{r}]")),
        };
        foreach (var rung in rungs)
        {
            var mine = trials.Select((t, i) => (t, i)).Where(x => x.t.Rung == rung).Select(x => $"[t{x.i}]").ToList();
            parts.Add($"[a{rung}]{PictureFilters.Rung(plans[rung].Width, plans[rung].Height)},split={mine.Count}{string.Concat(mine)}");
        }

        return string.Join(';', parts);
    }

    /// <summary>
    /// The SSIM of trial encodes against the source as a viewer sees it: the window read again through the head filters
    /// at <paramref name="reference"/>'s size, each trial scaled bicubic to that size (as <see cref="ForQualityWindow"/>
    /// measures the renditions). The raw streams carry no timestamps: read at the planned rate from zero, as the
    /// window's reference frames are.
    /// </summary>
    public static IReadOnlyList<string> ForTrialQuality(
        SourceInput source, int videoStreamIndex, RenditionPlan reference, TimeSpan seek, TimeSpan length, IReadOnlyList<MeasuredTrial> trials)
    {
        var arguments = new List<string>(Preamble(progress: false));
        arguments.AddRange(SourceArguments(source, seek: seek, length: length));
        foreach (var trial in trials)
        {
            arguments.AddRange(["-framerate", reference.FrameRate.ToString(), "-f", "h264"]);
            arguments.AddRange(OwnInput(trial.TrialPath));
        }

        // Frame for frame: both sides numbered from zero on one time base, since the raw streams' times are guesses.
        var count = $"settb=1/({reference.FrameRate}),setpts=N";
        var parts = new List<string> { $"{ReferenceHead(videoStreamIndex, reference, ["reference"])};[reference]{count},split={trials.Count}{string.Concat(trials.Select((_, i) => $"[ref{i}]"))}" };
        for (var i = 0; i < trials.Count; i++)
        {
            parts.Add($"{AtReferenceSize(i + 1, reference)},{count}[out{i}]");
            parts.Add($"[out{i}][ref{i}]ssim=stats_file={FilterValue(trials[i].SsimStatsPath)}:shortest=1[ssim{i}]");
        }

        arguments.AddRange(["-filter_complex", string.Join(';', parts)]);
        for (var i = 0; i < trials.Count; i++)
        {
            arguments.AddRange(["-map", $"[ssim{i}]"]);
        }

        arguments.AddRange(["-f", "null", "-"]);
        return arguments;
    }
}
