using Microsoft.Extensions.Logging;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>
/// Grabs one JPEG frame at about 10% of the duration, at the size of the top rendition, with a seek into the source
/// (one GOP decoded). A derived output never fails a job whose renditions are good: when the source gives no frame
/// there (a seek past the last decodable frame of a short or damaged file), the poster is the source's first frame,
/// and failing that the top rendition's first frame, which exists.
/// </summary>
internal sealed class PosterMaker(IFfmpegRunner runner, ILogger logger)
{
    // Far enough in to skip a black first frame or a fade-in; early enough to exist in a short clip.
    public const double PositionFraction = 0.10;

    public static TimeSpan PositionIn(SourceMedia source) => source.Duration * PositionFraction;

    public async Task MakeAsync(
        SourceInput input, SourceMedia source, RenditionPlan size, EncodedRendition top, string outputPath, CancellationToken cancellationToken)
    {
        if (!await TryMakeAsync(input, source, size, top.Path, outputPath, cancellationToken))
        {
            // The top rendition was probed a moment ago: failing to read its first frame is the job's own fault.
            throw new InvalidOperationException($"no poster could be made, not even from the first frame of {Path.GetFileName(top.Path)}");
        }
    }

    /// <summary>
    /// The poster from the source, else from the first frame of <paramref name="fallbackTrack"/> when given: false when
    /// none came (a long source's first task has no rendition yet; the assembly then takes the first chunk's).
    /// </summary>
    public async Task<bool> TryMakeAsync(
        SourceInput input, SourceMedia source, RenditionPlan size, string? fallbackTrack, string outputPath, CancellationToken cancellationToken)
    {
        var video = source.Video ?? throw new ArgumentException("a poster from the picture needs a video stream", nameof(source));
        var attempts = new List<(string What, IReadOnlyList<string> Arguments)>
        {
            ("the source at 10%", FfmpegArguments.ForPoster(input, video.Index, PositionIn(source), size, outputPath)),
            ("the source's first frame", FfmpegArguments.ForPoster(input, video.Index, TimeSpan.Zero, size, outputPath)),
        };
        if (fallbackTrack is not null)
        {
            attempts.Add(($"the first frame of {Path.GetFileName(fallbackTrack)}", FfmpegArguments.ForPosterFromTrack(fallbackTrack, outputPath)));
        }

        foreach (var (what, arguments) in attempts)
        {
            var result = await runner.RunAsync(FfmpegTool.Ffmpeg, arguments, null, cancellationToken);
            if (result.Succeeded && File.Exists(outputPath) && new FileInfo(outputPath).Length > 0)
            {
                return true;
            }

            // ffmpeg exits 0 and writes nothing when a seek lands past the last frame: both are worth a fallback.
            logger.LogWarning(
                "No poster from {What}: {Reason}",
                what, result.Succeeded ? "ffmpeg found no frame there" : FfmpegErrors.Cause(FfmpegErrors.ErrorLines(result.StderrTail)));
        }

        return false;
    }

    /// <summary>
    /// An audio-only source's poster: its cover art as a JPEG, no larger than <see cref="MaxCoverSide"/> on its long
    /// side. Null when it cannot be decoded (a broken picture never fails a job whose audio is good).
    /// </summary>
    public async Task<(int Width, int Height)?> MakeFromCoverArtAsync(
        SourceInput input, CoverArtInfo cover, string outputPath, CancellationToken cancellationToken)
    {
        var (width, height) = CoverSize(cover.Width, cover.Height);
        var result = await runner.RunAsync(
            FfmpegTool.Ffmpeg, FfmpegArguments.ForCoverArtPoster(input, cover.Index, width, height, outputPath), null, cancellationToken);
        if (result.Succeeded && File.Exists(outputPath) && new FileInfo(outputPath).Length > 0)
        {
            return (width, height);
        }

        logger.LogWarning(
            "No poster from the cover art ({Codec} {Width}x{Height}): {Reason}",
            cover.Codec, cover.Width, cover.Height, result.Succeeded ? "ffmpeg wrote no picture" : FfmpegErrors.Cause(FfmpegErrors.ErrorLines(result.StderrTail)));
        File.Delete(outputPath);
        return null;
    }

    /// <summary>A cover's long side in the poster: album art comes at up to 3000 px; a player shows a few hundred.</summary>
    public const int MaxCoverSide = 1920;

    /// <summary>The cover's size, scaled down (never up) to fit <see cref="MaxCoverSide"/>, aspect kept.</summary>
    public static (int Width, int Height) CoverSize(int width, int height)
    {
        var scale = Math.Min(1.0, (double)MaxCoverSide / Math.Max(width, height));
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }
}
