using System.Text.Json;
using Transcoder.TranscodeJob.Errors;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Pipeline;

/// <summary>The whole pipeline, in process, with real ffmpeg on generated clips and local storage.</summary>
[Category("Integration")]
public sealed class TranscodePipelineIntegrationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private TranscodePipeline CreateSut(string input, Ladder? ladder = null, int parallelism = 2) =>
        LocalJob.Create(input, _temp, ladder, parallelism);

    private string OutputFolder => _temp.Combine("out");

    private async Task<(JobManifest Manifest, MediaFacts Source)> TranscodeAsync(string clip, CancellationToken cancellationToken, Ladder? ladder = null)
    {
        var outcome = await CreateSut(clip, ladder).RunAsync(cancellationToken);
        Assert.That(outcome.AlreadyDone, Is.False);
        return (outcome.Manifest, await MediaFacts.ReadAsync(clip));
    }

    private async Task<MediaFacts> AssertPlayableAsync(ManifestRendition rendition, MediaFacts source, bool audio)
    {
        var facts = await MediaFacts.ReadAsync(Path.Combine(OutputFolder, rendition.File!));
        Assert.Multiple(() =>
        {
            Assert.That(facts.VideoCodec, Is.EqualTo("h264"), rendition.Name);
            Assert.That(facts.Profile, Is.EqualTo("High"), rendition.Name);
            Assert.That(facts.PixelFormat, Is.EqualTo("yuv420p"), rendition.Name);
            Assert.That((facts.Width, facts.Height), Is.EqualTo((rendition.Width, rendition.Height)), rendition.Name);
            Assert.That(facts.SampleAspectRatio, Is.EqualTo("1:1"), rendition.Name);
            Assert.That(facts.HasRotation, Is.False, rendition.Name);
            Assert.That(facts.Duration, Is.EqualTo(source.Duration).Within(0.1), rendition.Name);
            Assert.That(facts.AudioStreams, Is.EqualTo(audio ? 1 : 0), rendition.Name);
            Assert.That(rendition.HasAudio, Is.EqualTo(audio), rendition.Name);
        });
        return facts;
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_LandscapeWithAudio_MakesLadderPosterAndManifest(CancellationToken cancellationToken)
    {
        // Act
        var (manifest, source) = await TranscodeAsync(await Clips.Landscape(), cancellationToken);

        // Assert: 180 lines is 25% above 144p, so the source's own size leads the ladder.
        Assert.That(manifest.Renditions.Select(r => $"{r.Name} {r.Width}x{r.Height}"), Is.EqualTo(new[] { "180p 320x180", "144p 256x144", "96p 170x96" }));
        foreach (var rendition in manifest.Renditions)
        {
            await AssertPlayableAsync(rendition, source, audio: true);
        }

        Assert.That(File.Exists(Path.Combine(OutputFolder, "poster.jpg")), Is.True);
        var written = JsonSerializer.Deserialize(await File.ReadAllTextAsync(Path.Combine(OutputFolder, "manifest.json"), cancellationToken), ManifestJsonContext.Default.JobManifest)!;
        Assert.That(written.Renditions, Is.EqualTo(manifest.Renditions));
        Assert.That(written.Source.DurationSeconds, Is.EqualTo(source.Duration).Within(0.001));
        Assert.That(Directory.GetFileSystemEntries(_temp.Combine("work")), Is.Empty, "workspace removed");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_RotatedPortrait_StaysPortraitWithoutRotationFlag(CancellationToken cancellationToken)
    {
        // Act
        var (manifest, source) = await TranscodeAsync(await Clips.RotatedPortrait(), cancellationToken);

        // Assert
        Assert.That(manifest.Renditions[0].Width, Is.EqualTo(180));
        Assert.That(manifest.Renditions[0].Height, Is.EqualTo(320));
        Assert.That(manifest.Source.Video!.Rotation, Is.AnyOf(90, 270));
        foreach (var rendition in manifest.Renditions)
        {
            await AssertPlayableAsync(rendition, source, audio: true);
            Assert.That(rendition.Height, Is.GreaterThan(rendition.Width));
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_OddSizeInMatroska_EvenSizes(CancellationToken cancellationToken)
    {
        // Act
        var (manifest, source) = await TranscodeAsync(await Clips.OddSize(), cancellationToken);

        // Assert
        Assert.That(manifest.Renditions.Select(r => $"{r.Width}x{r.Height}"), Is.EqualTo(new[] { "320x240", "192x144", "128x96" }));
        foreach (var rendition in manifest.Renditions)
        {
            await AssertPlayableAsync(rendition, source, audio: true);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_NoAudio_VideoOnlyOutputs(CancellationToken cancellationToken)
    {
        // Act
        var (manifest, source) = await TranscodeAsync(await Clips.NoAudio(), cancellationToken);

        // Assert
        foreach (var rendition in manifest.Renditions)
        {
            await AssertPlayableAsync(rendition, source, audio: false);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_TenBit422_EightBit420(CancellationToken cancellationToken)
    {
        // Act
        var (manifest, source) = await TranscodeAsync(await Clips.TenBit422(), cancellationToken);

        // Assert
        Assert.That(manifest.Source.Video!.PixelFormat, Is.EqualTo("yuv422p10le"));
        foreach (var rendition in manifest.Renditions)
        {
            await AssertPlayableAsync(rendition, source, audio: true);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_Hdr10_ToneMappedToBt709(CancellationToken cancellationToken)
    {
        // Act
        var (manifest, source) = await TranscodeAsync(await Clips.Hdr10(), cancellationToken);

        // Assert
        Assert.That(manifest.Source.Video!.ColorTransfer, Is.EqualTo("smpte2084"));
        foreach (var rendition in manifest.Renditions)
        {
            var facts = await AssertPlayableAsync(rendition, source, audio: false);
            Assert.That(facts.ColorTransfer, Is.EqualTo("bt709"), rendition.Name);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_HalfSecond_KeepsDuration(CancellationToken cancellationToken)
    {
        // Act
        var (manifest, source) = await TranscodeAsync(await Clips.HalfSecond(), cancellationToken);

        // Assert
        Assert.That(source.Duration, Is.EqualTo(0.5).Within(0.1));
        foreach (var rendition in manifest.Renditions)
        {
            await AssertPlayableAsync(rendition, source, audio: true);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_Anamorphic_SquarePixelsAtDisplayAspect(CancellationToken cancellationToken)
    {
        // Act
        var (manifest, source) = await TranscodeAsync(await Clips.Anamorphic(), cancellationToken);

        // Assert: shown 427x240; outputs keep 16:9 within 1%.
        Assert.That(manifest.Source.Video!.DisplayWidth, Is.EqualTo(427));
        foreach (var rendition in manifest.Renditions)
        {
            await AssertPlayableAsync(rendition, source, audio: false);
            Assert.That((double)rendition.Width / rendition.Height, Is.EqualTo(427.0 / 240).Within(0.01 * 427 / 240), rendition.Name);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_TwoAudioTracks_BothDeliveredTheProgressiveFilesCarryTheDefaultAsStereo(CancellationToken cancellationToken)
    {
        // Act: the default track is the second one, 5.1; neither names a language, so neither is a duplicate.
        var (manifest, source) = await TranscodeAsync(await Clips.TwoAudioTracks(), cancellationToken);

        // Assert
        Assert.That(manifest.Source.Audio, Has.Count.EqualTo(2));
        Assert.That(manifest.AudioTracks.Select(t => (t.Track, t.IsDefault, t.Channels)), Is.EqualTo(new[] { ("audio-und-1.cmfa", false, 1), ("audio-und-2.cmfa", true, 2) }));
        foreach (var rendition in manifest.Renditions)
        {
            var facts = await AssertPlayableAsync(rendition, source, audio: true);
            Assert.That(facts.AudioChannels, Is.EqualTo(2), rendition.Name);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_120fps_CappedAt60(CancellationToken cancellationToken)
    {
        // Act
        var (manifest, source) = await TranscodeAsync(await Clips.HighFrameRate(), cancellationToken);

        // Assert
        foreach (var rendition in manifest.Renditions)
        {
            var facts = await AssertPlayableAsync(rendition, source, audio: false);
            Assert.That(facts.FrameRate, Is.EqualTo(60).Within(0.01), rendition.Name);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_Interlaced_ProgressiveOutputs(CancellationToken cancellationToken)
    {
        // Act
        var (manifest, source) = await TranscodeAsync(await Clips.Interlaced(), cancellationToken);

        // Assert
        foreach (var rendition in manifest.Renditions)
        {
            await AssertPlayableAsync(rendition, source, audio: false);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_TwoRenditions_KeyframesAlignedEveryTwoSeconds(CancellationToken cancellationToken)
    {
        // Act
        var (manifest, _) = await TranscodeAsync(await Clips.FourAndAHalfSeconds(), cancellationToken);

        // Assert
        foreach (var rendition in manifest.Renditions)
        {
            var keyframes = await MediaFacts.KeyframeTimesAsync(Path.Combine(OutputFolder, rendition.File!));
            Assert.That(keyframes, Has.Count.EqualTo(3), rendition.Name);
            Assert.That(keyframes[0], Is.EqualTo(0).Within(0.05), rendition.Name);
            Assert.That(keyframes[1], Is.EqualTo(2).Within(0.05), rendition.Name);
            Assert.That(keyframes[2], Is.EqualTo(4).Within(0.05), rendition.Name);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_SameSourceTwice_SecondRunIsAlreadyDone(CancellationToken cancellationToken)
    {
        // Arrange
        var clip = await Clips.NoAudio();
        await CreateSut(clip).RunAsync(cancellationToken);
        var firstWrite = File.GetLastWriteTimeUtc(Path.Combine(OutputFolder, "180p.mp4"));

        // Act
        var second = await CreateSut(clip).RunAsync(cancellationToken);

        // Assert
        Assert.That(second.AlreadyDone, Is.True);
        Assert.That(File.GetLastWriteTimeUtc(Path.Combine(OutputFolder, "180p.mp4")), Is.EqualTo(firstWrite));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_SourceChanged_TranscodesAgain(CancellationToken cancellationToken)
    {
        // Arrange
        var clip = _temp.Combine("changing.mp4");
        File.Copy(await Clips.NoAudio(), clip);
        await CreateSut(clip).RunAsync(cancellationToken);
        File.SetLastWriteTimeUtc(clip, DateTime.UtcNow.AddMinutes(1));

        // Act
        var second = await CreateSut(clip).RunAsync(cancellationToken);

        // Assert
        Assert.That(second.AlreadyDone, Is.False);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_NewUploadMakesFewerFiles_TheEarlierUploadsExtraFilesRemoved(CancellationToken cancellationToken)
    {
        // Arrange: the first upload had audio and two rungs; the same name uploaded again has no audio and one rung.
        var clip = _temp.Combine("replaced.mp4");
        File.Copy(await Clips.Landscape(), clip);
        await CreateSut(clip).RunAsync(cancellationToken);
        Assert.That(File.Exists(Path.Combine(OutputFolder, "audio.cmfa")), Is.True);
        File.Copy(await Clips.NoAudio(), clip, overwrite: true);
        File.SetLastWriteTimeUtc(clip, DateTime.UtcNow.AddMinutes(1));

        // Act
        var second = await CreateSut(clip, LocalJob.SmallLadder.Select(["96p"])).RunAsync(cancellationToken);

        // Assert: the folder holds exactly what the new manifest lists, nothing of the first upload's.
        Assert.That(second.AlreadyDone, Is.False);
        var listed = second.Manifest.Files.Select(f => f.File).Append("manifest.json");
        Assert.That(Directory.GetFiles(OutputFolder).Select(Path.GetFileName), Is.EquivalentTo(listed));
        Assert.That(Directory.GetFiles(OutputFolder).Select(Path.GetFileName), Has.None.StartsWith("180p").And.None.StartsWith("audio"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_SameUploadOtherRenditions_TranscodedAgainNotAlreadyDone(CancellationToken cancellationToken)
    {
        // Arrange
        var clip = await Clips.NoAudio();
        await CreateSut(clip).RunAsync(cancellationToken);

        // Act: a resubmission asking for one rendition only.
        var second = await CreateSut(clip, LocalJob.SmallLadder.Select(["96p"])).RunAsync(cancellationToken);

        // Assert
        Assert.That(second.AlreadyDone, Is.False);
        Assert.That(second.Manifest.Renditions.Select(r => r.Name), Is.EqualTo(new[] { "96p" }));
    }

    private static IEnumerable<TestCaseData> BadInputs()
    {
        yield return new TestCaseData((Func<Task<string>>)Clips.ZeroBytes, "is empty (0 bytes)").SetName("RunAsync_ZeroBytes_BadInput");
        yield return new TestCaseData((Func<Task<string>>)Clips.TextFile, "is not a readable video: ").SetName("RunAsync_TextFile_BadInput");
        yield return new TestCaseData((Func<Task<string>>)Clips.Truncated, "is not a readable video: ").SetName("RunAsync_Truncated_BadInput");
    }

    [TestCaseSource(nameof(BadInputs))]
    [CancelAfter(60_000)]
    public async Task RunAsync_BadInput_OneLineNamingTheInputAndAFailureRecord(Func<Task<string>> make, string expected, CancellationToken cancellationToken)
    {
        // Arrange
        var clip = await make();

        // Act
        var failure = await Assert.ThrowsAsync<JobException>(() => CreateSut(clip).RunAsync(cancellationToken));

        // Assert
        Assert.That(failure!.IsRetryable, Is.False);
        Assert.That(failure.Message, Does.StartWith(clip).And.Contain(expected));
        Assert.That(failure.Message, Does.Not.Contain("\n"));
        var record = JsonSerializer.Deserialize(await File.ReadAllTextAsync(Path.Combine(OutputFolder, "failure.json"), cancellationToken), ManifestJsonContext.Default.FailureRecord)!;
        Assert.That(record.Error, Is.EqualTo(failure.Message));
        Assert.That(File.Exists(Path.Combine(OutputFolder, "manifest.json")), Is.False);
        Assert.That(Directory.Exists(_temp.Combine("work")) ? Directory.GetFileSystemEntries(_temp.Combine("work")) : [], Is.Empty, "workspace removed");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_MissingFile_BadInput(CancellationToken cancellationToken)
    {
        // Act
        var failure = await Assert.ThrowsAsync<JobException>(() => CreateSut(_temp.Combine("nope.mp4")).RunAsync(cancellationToken));

        // Assert
        Assert.That(failure!.Message, Is.EqualTo($"{_temp.Combine("nope.mp4")} does not exist"));
    }
}
