using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>
/// Grabs one JPEG frame at about 10% of the duration, at the size of the top rendition: on its own, with a seek,
/// when the encode did not already take it from its pass (per-rendition mode, or a header whose duration lied).
/// </summary>
internal sealed class PosterMaker(IFfmpegRunner runner)
{
    // Far enough in to skip a black first frame or a fade-in; early enough to exist in a short clip.
    public const double PositionFraction = 0.10;

    public static TimeSpan PositionIn(SourceMedia source) => source.Duration * PositionFraction;

    public async Task MakeAsync(string inputPath, SourceMedia source, RenditionPlan size, string outputPath, CancellationToken cancellationToken)
    {
        if (File.Exists(outputPath) && new FileInfo(outputPath).Length > 0)
        {
            return;
        }

        var at = PositionIn(source);
        var result = await runner.RunAsync(
            FfmpegTool.Ffmpeg, FfmpegArguments.ForPoster(inputPath, source.Video.Index, at, size, outputPath), null, cancellationToken);

        // A seek can land past the last decodable frame of a short or damaged file: ffmpeg then writes nothing
        // and still exits 0. The first frame always exists if the renditions were made.
        if (result.Succeeded && !File.Exists(outputPath) && at > TimeSpan.Zero)
        {
            result = await runner.RunAsync(
                FfmpegTool.Ffmpeg, FfmpegArguments.ForPoster(inputPath, source.Video.Index, TimeSpan.Zero, size, outputPath), null, cancellationToken);
        }

        if (!result.Succeeded || !File.Exists(outputPath))
        {
            throw EncodeFailures.From("the poster", result);
        }
    }
}
