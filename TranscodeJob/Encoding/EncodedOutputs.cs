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
        IReadOnlyList<RenditionPlan> plans, IReadOnlyList<AudioPlan> audio, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var renditions = new List<EncodedRendition>(plans.Count);
        foreach (var plan in plans)
        {
            renditions.Add(await CheckRenditionAsync(plan, workspace.PathFor(plan.TrackFileName), cancellationToken));
        }

        return new EncodedLadder(renditions, [.. audio.Select(a => CheckAudio(a, workspace))]);
    }

    private static EncodedAudio CheckAudio(AudioPlan audio, JobWorkspace workspace)
    {
        var path = workspace.PathFor(audio.FileName);
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            throw JobException.BadInput($"ffmpeg produced no audio from the source's audio stream {audio.Track.Index}: no decodable samples");
        }

        var loudness = LoudnessReport.Read(workspace.PathFor(audio.LoudnessFileName), audio.Normalisation?.Target.Lufs);
        return new EncodedAudio(audio, path, new FileInfo(path).Length, loudness);
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
        var video = output.Video ?? throw new InvalidOperationException($"{plan.Name} came out with no video stream");
        if (video.Width != plan.Width || video.Height != plan.Height)
        {
            // A bug in the plan or the filter chain, not the input's fault: fail loudly rather than publish it.
            throw new InvalidOperationException(
                $"{plan.Name} came out {video.Width}x{video.Height}, planned {plan.Width}x{plan.Height}");
        }

        if (output.Duration.TotalSeconds <= 0)
        {
            throw JobException.BadInput($"ffmpeg produced an empty {plan.Name} from the source: no decodable frames");
        }

        return new EncodedRendition(
            plan, path, video.Width, video.Height, output.Duration, size,
            BitRate: (long)Math.Round(size * 8 / output.Duration.TotalSeconds))
        {
            PeakBitRate = PeakOf(path),
        };
    }
}
