using System.Text.Json;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Analysis;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Manifest;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Quality;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Manifest;

public sealed class ManifestBuilderTests
{
    private static readonly DateTimeOffset Completed = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static readonly ManifestQuality Measured720 =
        new(0.981234, 17.264, 41.5, 720, 1280, 45, 1.5, [new ManifestQualityWindow(0, 0.5), new ManifestQualityWindow(6, 0.5), new ManifestQualityWindow(11.8, 0.5)]);

    private static readonly RenditionPlan Plan720 = new("720p", 720, 1280, new Rational(30000, 1001), 3000, 128, false, false);

    private static readonly RenditionPlan Plan360 = Plan720 with { Name = "360p", Width = 360, Height = 640, VideoKbps = 800 };

    private static readonly AudioStreamInfo French = new(2, "ac3", 6, 48000, "fre", false);

    private static JobManifest Build(IReadOnlyDictionary<string, ManifestQuality>? quality = null, Func<PlannedLadder, PlannedLadder>? plan = null)
    {
        var media = TestMedia.Source(1920, 1080, rotation: 90, frameRate: new Rational(30000, 1001), seconds: 12.3456, audio: [TestMedia.Stereo, French]);
        var source = new SourceObject("s3://uploads/a b.mov", new SourceRevision(SourceRevisionKind.ETag, "abc"), 98765, "abc", null, null);
        var audio = AudioTrackPlanner.Plan(media, 128);
        var planned = new PlannedLadder([Plan720, Plan360], audio, new EncoderSettings());
        planned = plan?.Invoke(planned) ?? planned;
        var plan720 = planned.Plans.Single(p => p.Name == "720p");
        var plan360 = planned.Plans.Single(p => p.Name == "360p");
        EncodedRendition[] renditions =
        [
            new(plan360, "/ws/360p.cmfv", 360, 640, TimeSpan.FromSeconds(12.35), 500_000, 323_886) { PeakBitRate = 400_000 },
            new(plan720, "/ws/720p.cmfv", 720, 1280, TimeSpan.FromSeconds(12.35), 2_000_000, 1_295_546) { PeakBitRate = 1_700_000 },
        ];
        var sheet = Path.Combine(Folder, "storyboard-000.jpg");
        var encoded = new EncodedLadder(renditions, [.. audio.Kept.Select((a, i) => new EncodedAudio(a, "/ws/" + a.FileName, 4 + i, null))]);
        OutputFile[] published =
        [
            Published("720p.mp4", OutputRoles.Progressive, 3),
            Published("360p.mp4", OutputRoles.Progressive, 2),
            Published("720p.m3u8", OutputRoles.HlsPlaylist, 5),
            Published("audio-fr-2.m3u8", OutputRoles.HlsPlaylist, 5),
            Published("master.m3u8", OutputRoles.HlsMaster, 7),
        ];
        var storyboard = new MadeStoryboard(StoryboardPlan.For(TimeSpan.FromSeconds(12.35), 720, 1280), [sheet]);
        return ManifestBuilder.Build(
            "job-1", source, "etag:abc;request=0123456789abcdef", media, planned, encoded, quality ?? new Dictionary<string, ManifestQuality>(), storyboard,
            new ManifestPoster("poster.jpg", 720, 1280), published, Completed);
    }

    // Real files: the manifest records each published file's size as it is on disk.
    private static readonly string Folder = Directory.CreateTempSubdirectory("manifest-builder-").FullName;

    private static OutputFile Published(string name, string role, int bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, new byte[bytes]);
        return new OutputFile(name, role, ContentTypes.For(name), path);
    }

    [Test]
    public void Build_Renditions_TallestFirstWithTheirMeasuredFigures()
    {
        // Act
        var manifest = Build();

        // Assert
        Assert.That(manifest.Renditions, Is.EqualTo(new[]
        {
            new ManifestRendition("720p", "720p.mp4", "720p.m3u8", "720p.cmfv", 720, 1280, "30000/1001", 1_295_546, 3000, 12.35, 2_000_000, true)
            {
                PeakBitrate = 1_700_000,
                RateControl = new ManifestRateControl(ManifestRateControl.CappedCrf, 23, 3000, 6000, null, null, null),
            },
            new ManifestRendition("360p", "360p.mp4", null, "360p.cmfv", 360, 640, "30000/1001", 323_886, 800, 12.35, 500_000, true)
            {
                PeakBitrate = 400_000,
                RateControl = new ManifestRateControl(ManifestRateControl.CappedCrf, 23, 800, 1600, null, null, null),
            },
        }));
        Assert.That((manifest.Ladder!.Mode, manifest.Ladder.Dropped, manifest.Ladder.Analysis), Is.EqualTo(("fixed", Array.Empty<ManifestDroppedRendition>(), (ManifestAnalysis?)null)));
    }

    [Test]
    public void Build_PerTitle_EachRungsFactorTheDroppedRungAndTheTrials()
    {
        // Arrange: 1080p dropped for 720p, which keeps its own factor: at 35 it loses exactly its allowance.
        var plan1080 = Plan720 with { Name = "1080p", Width = 1080, Height = 1920, VideoKbps = 6000 };
        var floor = 20.3 - LadderChooser.LowerMaxLossDb;
        var psnrFloor = 38.5 - LadderChooser.LowerMaxLossDb;
        var curves = new[]
        {
            new RungCurve(plan1080, [new TrialPoint(23, 2_500_000, 19.6, 37.9)]),
            new RungCurve(Plan720, [new TrialPoint(23, 1_500_000, 20.3, 38.5), new TrialPoint(29, 800_000, 20.0, 38.2), new TrialPoint(35, 500_000, floor, psnrFloor)]),
            new RungCurve(Plan360, [new TrialPoint(23, 400_000, 16, 34), new TrialPoint(29, 300_000, 14, 33), new TrialPoint(35, 200_000, 12, 32)]),
        };
        var decision = LadderChooser.Choose(new TitleAnalysis(curves, [new QualityWindow(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(0.5))], plan1080), Ladder.Default);

        // Act
        var manifest = Build(plan: p => p with { Plans = decision.Plans, Decision = decision });

        // Assert
        Assert.That(manifest.Renditions[0].RateControl, Is.EqualTo(new ManifestRateControl(ManifestRateControl.CappedCrf, 35, 3000, 6000, floor, floor, 500_000, psnrFloor, psnrFloor)));
        Assert.That(manifest.Ladder!.Mode, Is.EqualTo("per-title"));
        Assert.That(manifest.Ladder.Dropped.Single(), Is.EqualTo(new ManifestDroppedRendition(
            "1080p", 1080, 1920, FormattableString.Invariant($"within 0.25 dB SSIM and PSNR of 720p (19.60 vs {floor:0.00} dB SSIM, 37.90 vs {psnrFloor:0.00} dB PSNR predicted) at 5.0x its bits"),
            23, 19.6, 37.9, 2_500_000, "720p")));
        var analysis = manifest.Ladder.Analysis!;
        Assert.That((analysis.Method, analysis.ReferenceWidth, analysis.ReferenceHeight, analysis.SampledSeconds), Is.EqualTo(("trial-encodes", 1080, 1920, 0.5)));
        Assert.That(analysis.Rungs.Select(r => r.Name), Is.EqualTo(new[] { "1080p", "720p", "360p" }));
        Assert.That(analysis.Rungs[1].Trials[1], Is.EqualTo(new ManifestTrial(29, 800_000, 20.0, 38.2)));
    }

    [Test]
    public void Build_MeasuredQuality_OnItsRenditionOnly()
    {
        // Act
        var manifest = Build(new Dictionary<string, ManifestQuality> { ["720p"] = Measured720 });

        // Assert
        Assert.That(manifest.Renditions[0].Quality, Is.SameAs(Measured720));
        Assert.That(manifest.Renditions[1].Quality, Is.Null);
    }

    [Test]
    public void Build_Source_HoldsIdentityAndProbedMetadata()
    {
        // Act
        var manifest = Build();

        // Assert
        Assert.That(manifest.JobId, Is.EqualTo("job-1"));
        Assert.That(manifest.SchemaVersion, Is.EqualTo(2));
        Assert.That(manifest.Source.Uri, Is.EqualTo("s3://uploads/a b.mov"));
        Assert.That(manifest.Source.ETag, Is.EqualTo("abc"));
        Assert.That(manifest.Source.Size, Is.EqualTo(98765));
        Assert.That(manifest.Source.DurationSeconds, Is.EqualTo(12.346));
        Assert.That(manifest.Source.Video, Is.EqualTo(new ManifestVideo("h264", 1920, 1080, 1080, 1920, "1:1", 90, "30000/1001", "yuv420p", null)));
        Assert.That(manifest.Source.Audio.Select(a => a.Codec), Is.EqualTo(new[] { "aac", "ac3" }));
    }

    [Test]
    public void Build_PublishedFiles_ListedWithRoleTypeAndSize()
    {
        // Act
        var manifest = Build();

        // Assert
        Assert.That(manifest.Files, Has.Member(new ManifestFile("720p.mp4", "mp4", "video/mp4", 3)));
        Assert.That(manifest.Files, Has.Member(new ManifestFile("master.m3u8", "hls-master", "application/vnd.apple.mpegurl", 7)));
        Assert.That(manifest.Hls, Is.EqualTo("master.m3u8"));
        Assert.That(manifest.Dash, Is.Null, "not published");
        Assert.That(manifest.Storyboard!.Sheets, Is.EqualTo(new[] { "storyboard-000.jpg" }));
        Assert.That(manifest.Storyboard.Vtt, Is.EqualTo("storyboard.vtt"));
    }

    [Test]
    public void Build_AudioTracks_EveryTrackWithItsFactsTheDefaultAlsoAsAudio()
    {
        // Act
        var manifest = Build();

        // Assert
        var english = new ManifestAudioRendition(null, "audio-en-1.cmfa", 128, 2, 4)
        {
            Name = "audio-en-1", SourceIndex = 1, Language = "en", Label = "English", Role = "main", IsDefault = true, SourceChannels = 2,
        };
        var french = new ManifestAudioRendition("audio-fr-2.m3u8", "audio-fr-2.cmfa", 128, 2, 5)
        {
            Name = "audio-fr-2", SourceIndex = 2, Language = "fr", Label = "French", Role = "alternate", IsDefault = false, SourceChannels = 6,
        };
        Assert.That(manifest.AudioTracks, Is.EqualTo(new[] { english, french }));
        Assert.That(manifest.Audio, Is.EqualTo(english), "the default track, which the progressive files carry");
        Assert.That(manifest.SkippedAudio, Is.Empty);
        Assert.That(manifest.AudioOnly, Is.False);
    }

    [Test]
    public void Build_AudioOnly_NoRenditionsNoStoryboardTheM4aOnTheDefaultTrack()
    {
        // Arrange
        var media = TestMedia.Source(1, 1, audio: [TestMedia.Stereo with { Index = 0 }, TestMedia.Stereo with { Index = 1, IsDefault = false }]) with { Video = null };
        var source = new SourceObject("/in/episode.mp3", new SourceRevision(SourceRevisionKind.ETag, "abc"), 98765, "abc", null, null);
        var audio = AudioTrackPlanner.Plan(media, 128);
        var encoded = new EncodedLadder([], [.. audio.Kept.Select(a => new EncodedAudio(a, "/ws/" + a.FileName, 4, null))]);

        // Act
        var manifest = ManifestBuilder.Build(
            "job-1", source, "etag:abc", media, new PlannedLadder([], audio, new EncoderSettings()), encoded, new Dictionary<string, ManifestQuality>(), null, null,
            [Published("audio.m4a", OutputRoles.ProgressiveAudio, 9)], Completed);

        // Assert
        Assert.That(manifest.AudioOnly, Is.True);
        Assert.That((manifest.Renditions, manifest.Storyboard, manifest.Poster, manifest.Source.Video), Is.EqualTo((Array.Empty<ManifestRendition>(), (ManifestStoryboard?)null, (ManifestPoster?)null, (ManifestVideo?)null)));
        Assert.That(manifest.Audio!.File, Is.EqualTo("audio.m4a"));
        Assert.That(manifest.SkippedAudio.Single().Index, Is.EqualTo(1), "the second English track is a duplicate");
        Assert.That(manifest.Files.Single(), Is.EqualTo(new ManifestFile("audio.m4a", "m4a", "audio/mp4", 9)));
    }

    [Test]
    public void Serialize_Manifest_IsCamelCaseJsonThatReadsBack()
    {
        // Arrange
        var manifest = Build();

        // Act
        var json = JsonSerializer.Serialize(manifest, ManifestJson.Options.GetTypeInfo(typeof(JobManifest)));
        var read = JsonSerializer.Deserialize(json, ManifestJsonContext.Default.JobManifest)!;

        // Assert
        Assert.That(json, Does.Contain("\"completedAt\": \"2026-11-24T10:00:00+00:00\""));
        Assert.That(json, Does.Contain("\"maxVideoKbps\": 3000"));
        Assert.That(read.Source.Fingerprint, Is.EqualTo("etag:abc;request=0123456789abcdef"));
        Assert.That(read.Renditions, Is.EqualTo(manifest.Renditions));
    }
}
