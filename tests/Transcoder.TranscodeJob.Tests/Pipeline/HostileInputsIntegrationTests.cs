using System.Diagnostics;
using System.Text.Json;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Pipeline;

/// <summary>
/// Inputs built to make unbounded work (issue 16, class 6), run through the whole pipeline with real ffmpeg: each
/// ends in seconds with a clear result, a one-line error naming the limit, <c>failure.json</c>, and nothing left in
/// the workspace. (Peak memory and wall time of the originals are measured with a process watch outside the tests:
/// bench/hostile_inputs.py, figures in docs/inputs.md, "Measured on the originals".)
/// </summary>
[Category("Integration")]
public sealed class HostileInputsIntegrationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<JobException> AssertRefusedAsync(string clip, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<JobException>(() => LocalJob.Create(clip, _temp).RunAsync(cancellationToken));
        Assert.That(failure!.IsRetryable, Is.False, failure.Message);
        Assert.That(failure.Message, Does.Not.Contain("\n"));
        Assert.That(failure.Message.Length, Is.LessThanOrEqualTo(250), failure.Message);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "bounded work");
        var record = JsonSerializer.Deserialize(await File.ReadAllTextAsync(_temp.Combine("out", "failure.json"), cancellationToken), ManifestJsonContext.Default.FailureRecord)!;
        Assert.That(record.Error, Is.EqualTo(failure.Message));
        Assert.That(Directory.GetFiles(_temp.Combine("out")).Select(Path.GetFileName), Is.EqualTo(new[] { "failure.json" }), "nothing published");
        Assert.That(Directory.Exists(_temp.Combine("work")) ? Directory.GetFileSystemEntries(_temp.Combine("work")) : [], Is.Empty, "workspace removed");
        return failure;
    }

    private static IEnumerable<TestCaseData> Refused()
    {
        TestCaseData Case(Func<Task<string>> make, string expected, string name) =>
            new TestCaseData(make, expected).SetName($"RunAsync_HostileInput_RefusedNamingTheLimit({name})");
        yield return Case(Clips.HugePictures, "a picture of 8192x8192 is over the limit of 35389440 pixels (MAX_PIXELS_PER_FRAME)", "8192x8192 pictures");
        yield return Case(Clips.TooManyPixelsASecond, "8192x4320 at 120 fps is 4247 megapixels a second, over the limit of 1991 (MAX_PIXELS_PER_SECOND)", "8K at 120 fps");
        yield return Case(Clips.GrowsMidStream, "the source's pictures grow mid-stream beyond the limit: a picture of 8192x8192 is over the limit", "switches to 8192x8192 mid-stream");
        yield return Case(Clips.ThousandFramesASecond, "shows 1000 pictures a second (measured from its packets), over the limit of 300 (MAX_FRAME_RATE)", "1000 fps");
        yield return Case(Clips.FramesCrammedTogether, "pictures a second (measured from its packets), over the limit of 300 (MAX_FRAME_RATE)", "10000 frames in 1 s");
        yield return Case(Clips.SilentStills, "shows one picture for 70 s from 0 s with no sound: a still held over 60 s in silence is not encoded as video", "a picture every 70 s in silence");
        yield return Case(Clips.HundredVideoTracks, "has more than 64 streams (the limit)", "100 video tracks");
        yield return Case(Clips.SampleTableBomb, "has no video frames to read", "a sample table claiming 89 million samples");
        yield return Case(Clips.ExtremelyWide, "picture 32768x16 is 2048 times as wide as it is tall, beyond the 10:1 the job encodes", "32768x16");
        yield return Case(Clips.ExtremePixelAspect, "has a pixel aspect ratio of 100:1, outside the 1:10 to 10:1 the job encodes", "100:1 pixels");
    }

    [TestCaseSource(nameof(Refused))]
    [CancelAfter(60_000)]
    public async Task RunAsync_HostileInput_RefusedNamingTheLimit(Func<Task<string>> make, string expected, CancellationToken cancellationToken)
    {
        // Act
        var failure = await AssertRefusedAsync(await make(), cancellationToken);

        // Assert
        Assert.That(failure.Message, Does.Contain(expected));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task RunAsync_StillsFiveMinutesApartWithSound_ContentAtOneFrameASecond(CancellationToken cancellationToken)
    {
        // Act: two pictures 300 s apart over 300 s of sound (a still over a recording). Planned at its header's
        // 25 fps, the constant-rate conversion would make 7,500 frames per rung from two.
        var manifest = (await LocalJob.Create(await Clips.StillsWithSound(), _temp).RunAsync(cancellationToken)).Manifest;

        // Assert
        Assert.That(manifest.Renditions.Select(r => r.FrameRate).Distinct(), Is.EqualTo(new[] { "1" }));
        Assert.That(manifest.Source.DurationSeconds, Is.EqualTo(300).Within(0.5));
        var facts = await MediaFacts.ReadAsync(_temp.Combine("out", manifest.Renditions[0].File!));
        Assert.That(facts.Duration, Is.EqualTo(300).Within(1));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task RunAsync_OneFrameThenMinutesOfSilentSound_TheFrameHeldAtOneFrameASecond(CancellationToken cancellationToken)
    {
        // Act: a still with sound is content, even silent sound; one frame followed by 3.9 hours of it once grew ffmpeg
        // to the task's 4 GiB.
        var manifest = (await LocalJob.Create(await Clips.OneFrameThenSilentSound(), _temp).RunAsync(cancellationToken)).Manifest;

        // Assert
        Assert.That(manifest.Renditions.Select(r => r.FrameRate).Distinct(), Is.EqualTo(new[] { "1" }));
        var facts = await MediaFacts.ReadAsync(_temp.Combine("out", manifest.Renditions[0].File!));
        Assert.That(facts.Duration, Is.EqualTo(300).Within(1));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_OneFrameWhoseHeaderClaimsHours_EncodedAsTheOneFrameItIs(CancellationToken cancellationToken)
    {
        // Act: one 40 ms frame in a Matroska file whose header claims 15,360 s and no sound.
        var manifest = (await LocalJob.Create(await Clips.SilentHeldFrame(), _temp).RunAsync(cancellationToken)).Manifest;

        // Assert: the header is not believed; nothing is held for hours.
        Assert.That(manifest.Source.DeclaredDurationSeconds, Is.GreaterThan(1000));
        Assert.That(manifest.Source.DurationSeconds, Is.EqualTo(0.04).Within(0.001));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_FfprobeKilledTwiceOnTheSameUpload_TransientThenBadInput(CancellationToken cancellationToken)
    {
        // Arrange: an "ffprobe" that the kernel kills each time, as the OOM killer does on a file that needs too much.
        var script = _temp.Combine("ffprobe-killed.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\nkill -9 $$\n", cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var clip = await Clips.Landscape();
        TranscodePipeline CreateSut() => LocalJob.Create(clip, _temp, tools: new FfmpegPaths("ffmpeg", script));

        // Act
        var first = await Assert.ThrowsAsync<JobException>(() => CreateSut().RunAsync(cancellationToken));
        var memo = File.Exists(_temp.Combine("out", ResourceFailureMemo.FileName));
        var second = await Assert.ThrowsAsync<JobException>(() => CreateSut().RunAsync(cancellationToken));

        // Assert: the first may be the machine's fault (the message comes back); the second is the input's.
        Assert.That((first!.IsRetryable, memo), Is.EqualTo((true, true)));
        Assert.That(second!.IsRetryable, Is.False);
        Assert.That(second.Message, Does.Contain("for the second time on this upload"));
        Assert.That(Directory.GetFiles(_temp.Combine("out")).Select(Path.GetFileName), Is.EqualTo(new[] { "failure.json" }));
    }
}
