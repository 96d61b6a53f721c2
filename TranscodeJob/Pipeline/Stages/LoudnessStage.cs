using Microsoft.Extensions.Logging;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>
/// When the request normalises the loudness: measures every audio track before the encode (one audio-only decode of
/// them all), so that the one encode applies loudnorm's linear gain to each. Without a target, or without audio, the
/// plan is unchanged.
/// </summary>
internal sealed class LoudnessStage(IFfmpegRunner runner, ILogger logger)
{
    // ebur128's value for silence: there is nothing to normalise.
    private const double Silence = -70;

    public async Task<PlannedLadder> RunAsync(ProbedSource probed, PlannedLadder plan, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var tracks = plan.Audio.Kept;
        if (plan.Encoder.Loudness is not { } target || tracks.Count == 0)
        {
            return plan;
        }

        var reports = tracks.Select(a => workspace.PathFor("source." + a.LoudnessFileName)).ToList();
        var result = await runner.RunAsync(FfmpegTool.Ffmpeg, FfmpegArguments.ForLoudnessMeasurement(probed.Input, tracks, reports), null, cancellationToken);
        EncodeFailures.ThrowIfFailed("loudness measurement", result);

        var measured = new Dictionary<AudioPlan, LoudnessNormalisation?>();
        for (var i = 0; i < tracks.Count; i++)
        {
            var loudness = LoudnessReport.Read(reports[i], targetLufs: null)
                           ?? throw JobException.BadInput($"ffmpeg measured no loudness in the source's audio stream {tracks[i].Track.Index}: no decodable samples");
            File.Delete(reports[i]);
            logger.LogInformation(
                "Source loudness of {Track}: {Lufs} LUFS, range {Lu} LU, true peak {Dbtp} dBTP; normalising to {Target} LUFS under {Ceiling} dBTP",
                tracks[i].Name, loudness.IntegratedLufs, loudness.RangeLu, loudness.TruePeakDbtp, target.Lufs, target.TruePeakDbtp);
            measured[tracks[i]] = loudness.IntegratedLufs <= Silence ? null : new LoudnessNormalisation(target, loudness);
        }

        return plan with { Audio = plan.Audio.Select(a => a with { Normalisation = measured[a] }) };
    }
}
