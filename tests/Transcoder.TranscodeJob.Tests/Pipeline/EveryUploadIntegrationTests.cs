using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Pipeline;

/// <summary>
/// The classes of real upload the job once refused with exit 3 (issue 16, classes 1 to 5), each made with real ffmpeg
/// and run through the whole pipeline: every one is transcoded, with at least one thumbnail and a poster, and lasts as
/// long as its picture and sound.
/// </summary>
[Category("Integration")]
public sealed class EveryUploadIntegrationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<JobManifest> TranscodeAsync(string clip, CancellationToken cancellationToken, Func<PipelineOptions, PipelineOptions>? options = null)
    {
        var manifest = (await LocalJob.Create(clip, _temp, options: options).RunAsync(cancellationToken)).Manifest;
        Assert.That(manifest.Storyboard!.Count, Is.GreaterThanOrEqualTo(1), "at least one thumbnail");
        foreach (var file in manifest.Storyboard!.Sheets.Append(manifest.Storyboard.Vtt).Append(manifest.Poster!.File))
        {
            Assert.That(new FileInfo(_temp.Combine("out", file)).Length, Is.GreaterThan(0), file);
        }

        Assert.That(Directory.Exists(_temp.Combine("work")) ? Directory.GetFileSystemEntries(_temp.Combine("work")) : [], Is.Empty, "workspace removed");
        return manifest;
    }

    private async Task AssertRenditionsLastAsync(JobManifest manifest, double seconds, double within)
    {
        Assert.That(manifest.Source.DurationSeconds, Is.EqualTo(seconds).Within(within), "source");
        foreach (var rendition in manifest.Renditions)
        {
            var facts = await MediaFacts.ReadAsync(_temp.Combine("out", rendition.File!));
            Assert.That(facts.Duration, Is.EqualTo(seconds).Within(within), rendition.Name);
        }
    }

    private static IEnumerable<TestCaseData> ShortClips()
    {
        yield return new TestCaseData((Func<Task<string>>)Clips.ThreeTenthsAt60, 0.3).SetName("RunAsync_ShortClip_TranscodedWithAThumbnailAndAPoster(0.3 s at 60 fps)");
        yield return new TestCaseData((Func<Task<string>>)Clips.ShortHevc, 0.34).SetName("RunAsync_ShortClip_TranscodedWithAThumbnailAndAPoster(0.34 s HEVC)");
        yield return new TestCaseData((Func<Task<string>>)Clips.FourFramesPq, 4 / 24.0).SetName("RunAsync_ShortClip_TranscodedWithAThumbnailAndAPoster(4 frames of PQ HEVC)");
        yield return new TestCaseData((Func<Task<string>>)Clips.BroadcastExcerpt, 0.13).SetName("RunAsync_ShortClip_TranscodedWithAThumbnailAndAPoster(0.13 s broadcast TS)");
        yield return new TestCaseData((Func<Task<string>>)Clips.NineFramesTs, 9 / 25.0).SetName("RunAsync_ShortClip_TranscodedWithAThumbnailAndAPoster(9-frame TS)");
        yield return new TestCaseData((Func<Task<string>>)Clips.AnimatedGif, 0.8).SetName("RunAsync_ShortClip_TranscodedWithAThumbnailAndAPoster(animated GIF)");
        yield return new TestCaseData((Func<Task<string>>)Clips.HevcWithDataTrack, 0.1).SetName("RunAsync_ShortClip_TranscodedWithAThumbnailAndAPoster(0.1 s HEVC with a data track)");
    }

    [TestCaseSource(nameof(ShortClips))]
    [CancelAfter(90_000)]
    public async Task RunAsync_ShortClip_TranscodedWithAThumbnailAndAPoster(Func<Task<string>> make, double seconds, CancellationToken cancellationToken)
    {
        // Act
        var manifest = await TranscodeAsync(await make(), cancellationToken);

        // Assert: within a frame or an audio packet of the clip's own length.
        Assert.That(manifest.Storyboard!.Count, Is.EqualTo(1));
        await AssertRenditionsLastAsync(manifest, seconds, within: 0.07);
    }

    private static IEnumerable<TestCaseData> UnusedStreams()
    {
        yield return new TestCaseData((Func<Task<string>>)(() => Clips.MatroskaWithSubtitles("srt"))).SetName("RunAsync_StreamTheJobDoesNotTranscode_IgnoredAndTranscoded(SubRip in MKV)");
        yield return new TestCaseData((Func<Task<string>>)(() => Clips.MatroskaWithSubtitles("ass"))).SetName("RunAsync_StreamTheJobDoesNotTranscode_IgnoredAndTranscoded(ASS in MKV)");
        yield return new TestCaseData((Func<Task<string>>)(() => Clips.MatroskaWithSubtitles("vtt"))).SetName("RunAsync_StreamTheJobDoesNotTranscode_IgnoredAndTranscoded(WebVTT in MKV)");
        yield return new TestCaseData((Func<Task<string>>)Clips.Mp4WithTimedText).SetName("RunAsync_StreamTheJobDoesNotTranscode_IgnoredAndTranscoded(mov_text in MP4)");
        yield return new TestCaseData((Func<Task<string>>)Clips.MatroskaWithPgs).SetName("RunAsync_StreamTheJobDoesNotTranscode_IgnoredAndTranscoded(PGS in MKV)");
        yield return new TestCaseData((Func<Task<string>>)Clips.MatroskaWithVobSub).SetName("RunAsync_StreamTheJobDoesNotTranscode_IgnoredAndTranscoded(VobSub in MKV)");
        yield return new TestCaseData((Func<Task<string>>)Clips.DvbWithSubtitles).SetName("RunAsync_StreamTheJobDoesNotTranscode_IgnoredAndTranscoded(DVB subtitles in a TS)");
        yield return new TestCaseData((Func<Task<string>>)Clips.MatroskaWithCoverAttachment).SetName("RunAsync_StreamTheJobDoesNotTranscode_IgnoredAndTranscoded(PNG cover attached to MKV)");
        yield return new TestCaseData((Func<Task<string>>)Clips.Mp4WithCoverPicture).SetName("RunAsync_StreamTheJobDoesNotTranscode_IgnoredAndTranscoded(PNG cover picture in MP4)");
    }

    [TestCaseSource(nameof(UnusedStreams))]
    [CancelAfter(90_000)]
    public async Task RunAsync_StreamTheJobDoesNotTranscode_IgnoredAndTranscoded(Func<Task<string>> make, CancellationToken cancellationToken)
    {
        // Act
        var manifest = await TranscodeAsync(await make(), cancellationToken);

        // Assert: the picture and its sound, as long as they are.
        Assert.That(manifest.Source.Video!.Codec, Is.EqualTo("h264"));
        Assert.That(manifest.Renditions.All(r => r.HasAudio), Is.True);
        await AssertRenditionsLastAsync(manifest, Clips.DefaultSeconds, within: 0.07);
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_TimestampsStartHoursIn_ItsSpanCountsAgainstTheLimit(CancellationToken cancellationToken)
    {
        // Act: a 4 s capture whose clock reads 19,207 s, under a limit of 10 s.
        var manifest = await TranscodeAsync(await Clips.HoursIn(), cancellationToken, o => o with { MaxSourceDuration = TimeSpan.FromSeconds(10) });

        // Assert: 4 s long, four one-second thumbnails.
        await AssertRenditionsLastAsync(manifest, 4, within: 0.1);
        Assert.That(manifest.Storyboard!.Count, Is.EqualTo(4));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_ClockWrapsMidway_EveryPictureFromTheStart(CancellationToken cancellationToken)
    {
        // Act: 4 s whose clock wraps 1.3 s in, so that it starts at -1.3 s.
        var manifest = await TranscodeAsync(await Clips.ClockWrapsMidway(), cancellationToken);

        // Assert: every video track as long as the sound, not cut at the wrap (the pictures before it were once read as
        // a lead-in of 1.3 s and dropped, the sound kept); the picture's measured quality is its own (a track a second
        // short compared the wrong frames).
        await AssertRenditionsLastAsync(manifest, 4, within: 0.1);
        foreach (var rendition in manifest.Renditions)
        {
            Assert.That((await MediaFacts.ReadAsync(_temp.Combine("out", rendition.Track))).Duration, Is.EqualTo(4).Within(0.1), rendition.Name);
        }

        Assert.That(manifest.Renditions[0].Quality!.SsimDb, Is.GreaterThan(15), "a frame off scores about 10 dB");
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_CueOutlastsThePicture_TheVideoAndSoundDecideTheLength(CancellationToken cancellationToken)
    {
        // Act: 0.97 s of video, 1.07 s of sound, a cue ending at 1.23 s.
        var manifest = await TranscodeAsync(await Clips.CueOutlastingThePicture(), cancellationToken);

        // Assert: as long as the sound, not the cue (within a frame).
        Assert.That(manifest.Source.DeclaredDurationSeconds, Is.EqualTo(1.23).Within(0.02), "the container's duration is the cue's");
        await AssertRenditionsLastAsync(manifest, 1.07, within: 0.05);
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_CueThreeHoursIn_NotThreeHoursOfFrozenFrame(CancellationToken cancellationToken)
    {
        // Act
        var manifest = await TranscodeAsync(await Clips.CueThreeHoursIn(), cancellationToken);

        // Assert
        await AssertRenditionsLastAsync(manifest, Clips.DefaultSeconds, within: 0.07);
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_SubtitleStartsBeforeThePicture_RenditionsStartWithThePicture(CancellationToken cancellationToken)
    {
        // Act: a cue at 0 s, picture and sound from 10 s to 11.5 s.
        var manifest = await TranscodeAsync(await Clips.SubtitleBeforeThePicture(), cancellationToken);

        // Assert
        await AssertRenditionsLastAsync(manifest, Clips.DefaultSeconds, within: 0.07);
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_SparseScreenRecording_PlannedAtTheRateItMovesAt(CancellationToken cancellationToken)
    {
        // Act: a low average, in bursts of 30.
        var manifest = await TranscodeAsync(await Clips.SparseScreenRecording(), cancellationToken);

        // Assert
        Assert.That(Rational.Parse(manifest.Source.Video!.FrameRate).Value, Is.LessThan(15), "the header's average");
        Assert.That(manifest.Renditions.Select(r => r.FrameRate).Distinct(), Is.EqualTo(new[] { "30" }));
        await AssertRenditionsLastAsync(manifest, 12, within: 0.1);
    }
}
