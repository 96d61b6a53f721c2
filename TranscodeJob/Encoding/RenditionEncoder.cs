using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>Encodes one rendition with one ffmpeg process, then probes the result.</summary>
public sealed class RenditionEncoder(IFfmpegRunner runner, MediaProbe probe)
{
    public async Task<EncodedRendition> EncodeAsync(
        string inputPath,
        SourceMedia source,
        RenditionPlan plan,
        EncoderSettings encoder,
        string outputPath,
        IProgress<TimeSpan>? progress,
        CancellationToken cancellationToken)
    {
        var arguments = FfmpegArguments.ForRendition(inputPath, source.Video.Index, plan, encoder, outputPath);
        var parser = new FfmpegProgress();
        var result = await runner.RunAsync(
            FfmpegTool.Ffmpeg,
            arguments,
            line =>
            {
                if (parser.Push(line) is { } encoded)
                {
                    progress?.Report(encoded);
                }
            },
            cancellationToken);

        if (!result.Succeeded)
        {
            throw EncodeFailures.From(plan.Name, result);
        }

        var output = await probe.ProbeOutputAsync(outputPath, cancellationToken);
        var size = new FileInfo(outputPath).Length;
        if (output.Video.Width != plan.Width || output.Video.Height != plan.Height)
        {
            // A bug in the plan or the filter chain, not the input's fault: fail loudly rather than publish it.
            throw new InvalidOperationException(
                $"{plan.Name} came out {output.Video.Width}x{output.Video.Height}, planned {plan.Width}x{plan.Height}");
        }

        if (output.Duration.TotalSeconds <= 0 || size == 0)
        {
            throw JobException.BadInput($"ffmpeg produced an empty {plan.Name} from the source: no decodable frames");
        }

        return new EncodedRendition(
            plan,
            outputPath,
            output.Video.Width,
            output.Video.Height,
            output.Duration,
            size,
            BitRate: (long)Math.Round(size * 8 / output.Duration.TotalSeconds),
            HasAudio: output.AudioStreams.Count > 0);
    }
}
