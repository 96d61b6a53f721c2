using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>Checks what an encode wrote, the same way whichever mode wrote it.</summary>
internal sealed class EncodedOutputs(MediaProbe probe)
{
    public async Task<EncodedLadder> CollectAsync(
        IReadOnlyList<RenditionPlan> plans, AudioPlan? audio, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var renditions = new List<EncodedRendition>(plans.Count);
        foreach (var plan in plans)
        {
            renditions.Add(await CheckRenditionAsync(plan, workspace.PathFor(plan.TrackFileName), cancellationToken));
        }

        string? audioPath = null;
        if (audio is not null)
        {
            audioPath = workspace.PathFor(AudioPlan.FileName);
            if (!File.Exists(audioPath) || new FileInfo(audioPath).Length == 0)
            {
                throw JobException.BadInput("ffmpeg produced no audio from the source's audio track: no decodable samples");
            }
        }

        return new EncodedLadder(renditions, audioPath)
        {
            AudioLoudness = audio is null ? null : LoudnessReport.Read(workspace.PathFor(AudioPlan.LoudnessFileName), audio.Normalisation?.Target.Lufs),
        };
    }

    // The video playlist's peak segment bit rate as HLS defines it (RFC 8216 4.1), from the track's own fragment index.
    private static long PeakOf(string path) => (long)Math.Ceiling(VariantBitrate.PeakOf(FragmentedMp4Reader.Read(path)));

    private async Task<EncodedRendition> CheckRenditionAsync(RenditionPlan plan, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            throw JobException.BadInput($"ffmpeg produced an empty {plan.Name} from the source: no decodable frames");
        }

        var output = await probe.ProbeOutputAsync(path, cancellationToken);
        var size = new FileInfo(path).Length;
        if (output.Video.Width != plan.Width || output.Video.Height != plan.Height)
        {
            // A bug in the plan or the filter chain, not the input's fault: fail loudly rather than publish it.
            throw new InvalidOperationException(
                $"{plan.Name} came out {output.Video.Width}x{output.Video.Height}, planned {plan.Width}x{plan.Height}");
        }

        if (output.Duration.TotalSeconds <= 0)
        {
            throw JobException.BadInput($"ffmpeg produced an empty {plan.Name} from the source: no decodable frames");
        }

        return new EncodedRendition(
            plan, path, output.Video.Width, output.Video.Height, output.Duration, size,
            BitRate: (long)Math.Round(size * 8 / output.Duration.TotalSeconds))
        {
            PeakBitRate = PeakOf(path),
        };
    }
}
