using System.Text.Json;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Pipeline;

/// <summary>
/// The classes of real upload whose headers lack, lie about or outlast their media, each made with real ffmpeg, run
/// through the whole pipeline: the outcome and its exit code's class (done, bad input, transient).
/// </summary>
[Category("Integration")]
public sealed class RealUploadsIntegrationTests : IDisposable
{
    private static readonly Ladder SmallLadder = new(
        [new("180p", 180, 400, 64), new("96p", 96, 120, 64)],
        new EncoderSettings());

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private TranscodePipeline CreateSut(string input, FfmpegPaths? tools = null, TimeSpan? maxDuration = null, DateTimeOffset? encodeDeadline = null) =>
        LocalJob.Create(
            input, _temp, SmallLadder, options: o => o with { MaxSourceDuration = maxDuration ?? o.MaxSourceDuration, EncodeDeadline = encodeDeadline }, tools: tools);

    private async Task AssertEveryRenditionLastsAsync(JobManifest manifest, double seconds, double within)
    {
        Assert.That(manifest.Source.DurationSeconds, Is.EqualTo(seconds).Within(within), "source");
        foreach (var rendition in manifest.Renditions)
        {
            var facts = await MediaFacts.ReadAsync(_temp.Combine("out", rendition.File!));
            Assert.That(facts.Duration, Is.EqualTo(seconds).Within(within), rendition.Name);
        }
    }

    private async Task<JobException> AssertBadInputAsync(
        string clip, CancellationToken cancellationToken, TimeSpan? maxDuration = null, DateTimeOffset? encodeDeadline = null)
    {
        var failure = await Assert.ThrowsAsync<JobException>(() => CreateSut(clip, maxDuration: maxDuration, encodeDeadline: encodeDeadline).RunAsync(cancellationToken));
        Assert.That(failure!.IsRetryable, Is.False, failure.Message);
        var record = JsonSerializer.Deserialize(await File.ReadAllTextAsync(_temp.Combine("out", "failure.json"), cancellationToken), ManifestJsonContext.Default.FailureRecord)!;
        Assert.That(record.Error, Is.EqualTo(failure.Message));
        Assert.That(File.Exists(_temp.Combine("out", "manifest.json")), Is.False);
        Assert.That(Directory.Exists(_temp.Combine("work")) ? Directory.GetFileSystemEntries(_temp.Combine("work")) : [], Is.Empty, "workspace removed");
        return failure;
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_LiveWebmWithoutDuration_TranscodedAtItsRealLength(CancellationToken cancellationToken)
    {
        // Act
        var manifest = (await CreateSut(await Clips.LiveWebm()).RunAsync(cancellationToken)).Manifest;

        // Assert
        Assert.That(manifest.Source.DeclaredDurationSeconds, Is.Null, "the live header has none");
        await AssertEveryRenditionLastsAsync(manifest, 2, within: 0.1);
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_RawH264ElementaryStream_TranscodedAtItsRealLength(CancellationToken cancellationToken)
    {
        // Act
        var manifest = (await CreateSut(await Clips.RawH264()).RunAsync(cancellationToken)).Manifest;

        // Assert
        await AssertEveryRenditionLastsAsync(manifest, 2, within: 0.1);
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_HeaderClaims143165Seconds_PlannedAndEncodedAtTheRealLength(CancellationToken cancellationToken)
    {
        // Act
        var manifest = (await CreateSut(await Clips.LyingDuration()).RunAsync(cancellationToken)).Manifest;

        // Assert: the disk estimate would have asked for gigabytes; the storyboard for 300 thumbnails.
        Assert.That(manifest.Source.DeclaredDurationSeconds, Is.EqualTo(143_165).Within(1));
        await AssertEveryRenditionLastsAsync(manifest, Clips.DefaultSeconds, within: 0.1);
        Assert.That(manifest.Storyboard!.Count, Is.EqualTo(2));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_FaststartMp4CutAt30Percent_TruncatedBadInput(CancellationToken cancellationToken)
    {
        // Act
        var failure = await AssertBadInputAsync(await Clips.TruncatedWithIndex(), cancellationToken);

        // Assert
        Assert.That(failure.Message, Does.Contain("is truncated: its container declares 5 s but its media stops at"));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_TenHourTimestampGap_RefusedWithoutEncoding(CancellationToken cancellationToken)
    {
        // Arrange
        var clip = await Clips.TenHourGap();
        Assert.That(new FileInfo(clip).Length, Is.LessThan(200_000), "a tiny upload");

        // Act
        var failure = await AssertBadInputAsync(clip, cancellationToken);

        // Assert
        Assert.That(failure.Message, Does.Contain("its timestamps jump 36000"));
        Assert.That(Directory.GetFiles(_temp.Combine("out")).Select(Path.GetFileName), Is.EqualTo(new[] { "failure.json" }), "nothing encoded");
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_LastFrameHeldInMatroska_EveryRenditionKeepsTheTail(CancellationToken cancellationToken)
    {
        // Arrange
        var clip = await Clips.LongLastFrame();
        var source = await MediaFacts.ReadAsync(clip);

        // Act
        var manifest = (await CreateSut(clip).RunAsync(cancellationToken)).Manifest;

        // Assert: every rendition lasts the source's 8.7 s within one output frame (without the hold: 7.4 s).
        Assert.That(source.Duration, Is.EqualTo(8.7).Within(0.01));
        var frame = 1 / Rational.Parse(manifest.Renditions[0].FrameRate).Value;
        await AssertEveryRenditionLastsAsync(manifest, source.Duration, within: frame);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_LongerThanTheLimit_BadInputNamingTheSetting(CancellationToken cancellationToken)
    {
        // Act
        var failure = await AssertBadInputAsync(await Clips.Landscape(), cancellationToken, maxDuration: TimeSpan.FromSeconds(1));

        // Assert
        Assert.That(failure.Message, Does.EndWith("lasts 2 s, over the 1 s limit (MAX_SOURCE_SECONDS / --max-duration)"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_NoTimeLeftBeforeTheMessagesCeiling_EncodeStoppedAndRefusedWithTheReason(CancellationToken cancellationToken)
    {
        // Act: the job owns its message no longer than SQS's 12-hour ceiling allows; here that time is already gone.
        var failure = await AssertBadInputAsync(await Clips.Landscape(), cancellationToken, encodeDeadline: DateTimeOffset.UtcNow.AddMinutes(-1));

        // Assert
        Assert.That(failure.Message, Does.Contain("when its time ran out").And.Contain("more vCPUs"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_DecoderNotOnTheAllowList_BadInput(CancellationToken cancellationToken)
    {
        // Act
        var failure = await AssertBadInputAsync(await Clips.UnlistedCodec(), cancellationToken);

        // Assert
        Assert.That(failure.Message, Does.Contain("msvideo1"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_FfprobeKilledBySignal_TransientNotBadInput(CancellationToken cancellationToken)
    {
        // Arrange: an "ffprobe" that the kernel kills, as the OOM killer would.
        var script = _temp.Combine("ffprobe-killed.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\nkill -9 $$\n", cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var clip = await Clips.Landscape();

        // Act
        var failure = await Assert.ThrowsAsync<JobException>(() => CreateSut(clip, new FfmpegPaths("ffmpeg", script)).RunAsync(cancellationToken));

        // Assert
        Assert.That(failure!.IsRetryable, Is.True, failure.Message);
        Assert.That(failure.Message, Does.StartWith("ffprobe was killed reading"));
        Assert.That(File.Exists(_temp.Combine("out", "failure.json")), Is.False, "not a verdict on the input");
    }
}
