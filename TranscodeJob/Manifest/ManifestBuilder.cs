using System.Globalization;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Manifest;

internal static class ManifestBuilder
{
    public static JobManifest Build(
        string jobId,
        SourceObject source,
        string fingerprint,
        SourceMedia media,
        PlannedLadder plan,
        EncodedLadder encoded,
        IReadOnlyDictionary<string, ManifestQuality> quality,
        MadeStoryboard made,
        ManifestPoster poster,
        IReadOnlyList<OutputFile> published,
        DateTimeOffset completedAt)
    {
        var files = published.Select(f => new ManifestFile(f.FileName, f.Role, f.ContentType, new FileInfo(f.LocalPath).Length)).ToList();
        string? IfPublished(string name) => files.Any(f => f.File == name) ? name : null;
        var audio = plan.Audio;

        return new JobManifest(
            JobManifest.CurrentSchemaVersion,
            jobId,
            completedAt,
            SourceOf(source, fingerprint, media),
            [.. encoded.Renditions.OrderByDescending(r => r.Height * r.Width).Select(r => RenditionOf(r, encoded, quality.GetValueOrDefault(r.Plan.Name), IfPublished) with { RateControl = LadderRecord.RateControlOf(r.Plan, plan) })],
            audio is null || encoded.AudioPath is null
                ? null
                : new ManifestAudioRendition(
                    IfPublished(AudioPlan.Name + ".m3u8"),
                    AudioPlan.FileName,
                    audio.Kbps,
                    Math.Min(audio.Track.Channels, 2),
                    new FileInfo(encoded.AudioPath).Length,
                    encoded.AudioLoudness),
            IfPublished(StreamingPackager.MasterPlaylist),
            IfPublished(StreamingPackager.DashManifestFile),
            StoryboardOf(made),
            poster,
            files)
        {
            Ladder = LadderRecord.Of(plan),
        };
    }

    private static ManifestSource SourceOf(SourceObject source, string fingerprint, SourceMedia media) =>
        new(
            source.Uri,
            fingerprint,
            source.ETag,
            source.VersionId,
            source.Size,
            media.Container,
            Math.Round(media.Duration.TotalSeconds, 3),
            VideoOf(media.Video),
            [.. media.AudioStreams.Select(a => new ManifestAudio(a.Index, a.Codec, a.Channels, a.SampleRate, a.Language, a.IsDefault))],
            media.DeclaredDuration is { } declared ? Math.Round(declared.TotalSeconds, 3) : null);

    private static ManifestVideo VideoOf(VideoStreamInfo video) =>
        new(
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
            video.ColorTransfer);

    private static ManifestRendition RenditionOf(
        EncodedRendition r, EncodedLadder encoded, ManifestQuality? quality, Func<string, string?> ifPublished) =>
        new(
            r.Plan.Name,
            ifPublished(r.Plan.FileName),
            ifPublished(r.Plan.Name + ".m3u8"),
            r.Plan.TrackFileName,
            r.Width,
            r.Height,
            r.Plan.FrameRate.ToString(),
            r.BitRate,
            r.Plan.VideoKbps,
            Math.Round(r.Duration.TotalSeconds, 3),
            r.Size,
            HasAudio: encoded.AudioPath is not null)
        {
            PeakBitrate = r.PeakBitRate,
            Codec = VideoCodecList.NameOf(r.Plan.Codec),
            Quality = quality,
        };

    private static ManifestStoryboard StoryboardOf(MadeStoryboard made) =>
        new(
            StoryboardPlan.VttFileName,
            [.. made.Sheets.Select(Path.GetFileName).OfType<string>()],
            made.Plan.Interval.TotalSeconds,
            made.Plan.TileWidth,
            made.Plan.TileHeight,
            made.Plan.Columns,
            made.Plan.Rows,
            made.Plan.Count);
}
