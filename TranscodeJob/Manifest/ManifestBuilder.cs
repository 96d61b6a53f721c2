using System.Globalization;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Probing;
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
        MadeStoryboard? storyboard,
        ManifestPoster? poster,
        IReadOnlyList<OutputFile> published,
        DateTimeOffset completedAt) =>
        Build(
            jobId,
            SourceOf(source, fingerprint, media),
            plan,
            encoded,
            quality,
            storyboard,
            poster,
            [.. published.Select(f => new ManifestFile(f.FileName, f.Role, f.ContentType, new FileInfo(f.LocalPath).Length))],
            completedAt);

    /// <summary>The manifest of tracks that are not all on this machine (a long source's, stitched in S3).</summary>
    /// <param name="files">Every published file, in publishing order, with its size.</param>
    public static JobManifest Build(
        string jobId,
        ManifestSource source,
        PlannedLadder plan,
        EncodedLadder encoded,
        IReadOnlyDictionary<string, ManifestQuality> quality,
        MadeStoryboard? storyboard,
        ManifestPoster? poster,
        IReadOnlyList<ManifestFile> files,
        DateTimeOffset completedAt)
    {
        string? IfPublished(string name) => files.Any(f => f.File == name) ? name : null;
        var audioOnly = source.Video is null;
        var tracks = encoded.Audio.Select(a => AudioOf(a, audioOnly, IfPublished)).ToList();

        return new JobManifest(
            JobManifest.CurrentSchemaVersion,
            jobId,
            completedAt,
            source,
            [.. encoded.Renditions.OrderByDescending(r => r.Height * r.Width).Select(r => RenditionOf(r, encoded, quality.GetValueOrDefault(r.Plan.Name), IfPublished) with { RateControl = LadderRecord.RateControlOf(r.Plan, plan) })],
            tracks.FirstOrDefault(t => t.IsDefault),
            IfPublished(StreamingPackager.MasterPlaylist),
            IfPublished(StreamingPackager.DashManifestFile),
            storyboard is null ? null : StoryboardOf(storyboard),
            poster,
            files)
        {
            Ladder = LadderRecord.Of(plan),
            AudioTracks = tracks,
            SkippedAudio = [.. plan.Audio.Skipped.Select(s => new ManifestSkippedAudio(s.Index, s.Reason))],
            AudioOnly = audioOnly,
        };
    }

    private static ManifestAudioRendition AudioOf(EncodedAudio audio, bool audioOnly, Func<string, string?> ifPublished)
    {
        var (plan, facts) = (audio.Plan, audio.Plan.Facts);
        return new ManifestAudioRendition(ifPublished(plan.Name + ".m3u8"), plan.FileName, plan.Kbps, facts.Channels, audio.Size, audio.Loudness)
        {
            Name = plan.Name,
            SourceIndex = plan.Track.Index,
            Language = facts.Language,
            Label = facts.Label,
            Role = facts.RoleName,
            IsDefault = facts.IsDefault,
            SourceChannels = plan.Track.Channels,
            File = audioOnly && facts.IsDefault ? ifPublished(ProgressiveMaker.AudioFileName) : null,
        };
    }

    /// <summary>The manifest's description of the source: the upload as described, what its probe found.</summary>
    public static ManifestSource SourceOf(SourceObject source, string fingerprint, SourceMedia media) =>
        new(
            source.Uri,
            fingerprint,
            source.ETag,
            source.VersionId,
            source.Size,
            media.Container,
            Math.Round(media.Duration.TotalSeconds, 3),
            media.Video is { } video ? VideoOf(video) : null,
            [.. media.AudioStreams.Select(a => new ManifestAudio(a.Index, a.Codec, a.Channels, a.SampleRate, a.Language, a.IsDefault)
            {
                Title = a.Title,
                DescribesVideo = a.DescribesVideo,
            })],
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
            HasAudio: encoded.Audio.Count > 0)
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
