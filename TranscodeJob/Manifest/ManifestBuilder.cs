using System.Globalization;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Manifest;

public static class ManifestBuilder
{
    public static JobManifest Build(
        string jobId,
        SourceObject source,
        SourceMedia media,
        IReadOnlyList<EncodedRendition> renditions,
        ManifestPoster poster,
        DateTimeOffset completedAt)
    {
        var video = media.Video;
        return new JobManifest(
            JobManifest.CurrentSchemaVersion,
            jobId,
            completedAt,
            new ManifestSource(
                source.Uri,
                source.Fingerprint,
                source.ETag,
                source.VersionId,
                source.Size,
                media.Container,
                Math.Round(media.Duration.TotalSeconds, 3),
                new ManifestVideo(
                    video.Codec,
                    video.Width,
                    video.Height,
                    video.DisplayWidth,
                    video.DisplayHeight,
                    video.SampleAspectRatio.IsPositive
                        ? string.Create(CultureInfo.InvariantCulture, $"{video.SampleAspectRatio.Numerator}:{video.SampleAspectRatio.Denominator}")
                        : "1:1",
                    video.Rotation,
                    video.FrameRate.ToString(),
                    video.PixelFormat,
                    video.ColorTransfer),
                [.. media.AudioStreams.Select(a => new ManifestAudio(a.Index, a.Codec, a.Channels, a.SampleRate, a.Language, a.IsDefault))]),
            [
                .. renditions.OrderByDescending(r => r.Height * r.Width).Select(r => new ManifestRendition(
                    r.Plan.Name,
                    r.Plan.FileName,
                    r.Width,
                    r.Height,
                    r.Plan.FrameRate.ToString(),
                    r.BitRate,
                    r.Plan.VideoKbps,
                    Math.Round(r.Duration.TotalSeconds, 3),
                    r.Size,
                    r.HasAudio)),
            ],
            poster);
    }
}
