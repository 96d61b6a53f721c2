using Microsoft.Extensions.Logging;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>
/// When the request normalises the loudness: measures the kept audio track before the encode (an audio-only decode),
/// so that the one encode applies loudnorm's linear gain. Without a target, or without audio, the plan is unchanged.
/// </summary>
internal sealed class LoudnessStage(IFfmpegRunner runner, ILogger logger)
{
    // ebur128's value for silence: there is nothing to normalise.
    private const double Silence = -70;

    public async Task<PlannedLadder> RunAsync(ProbedSource probed, PlannedLadder plan, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        if (plan.Encoder.Loudness is not { } target || plan.Audio is not { } audio)
        {
            return plan;
        }

        var report = workspace.PathFor("source." + AudioPlan.LoudnessFileName);
        var result = await runner.RunAsync(FfmpegTool.Ffmpeg, FfmpegArguments.ForLoudnessMeasurement(probed.Input, audio, report), null, cancellationToken);
        EncodeFailures.ThrowIfFailed("loudness measurement", result);
        var measured = LoudnessReport.Read(report, targetLufs: null)
                       ?? throw JobException.BadInput("ffmpeg measured no loudness in the source's audio track: no decodable samples");
        File.Delete(report);

        logger.LogInformation(
            "Source loudness {Lufs} LUFS, range {Lu} LU, true peak {Dbtp} dBTP; normalising to {Target} LUFS under {Ceiling} dBTP",
            measured.IntegratedLufs, measured.RangeLu, measured.TruePeakDbtp, target.Lufs, target.TruePeakDbtp);
        return measured.IntegratedLufs <= Silence
            ? plan
            : plan with { Audio = audio with { Normalisation = new LoudnessNormalisation(target, measured) } };
    }
}
