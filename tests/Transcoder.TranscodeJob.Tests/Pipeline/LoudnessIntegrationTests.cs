using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Pipeline;

/// <summary>Loudness measured in the encode and, when asked, normalised, checked by measuring the output itself.</summary>
[Category("Integration")]
public sealed class LoudnessIntegrationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<(JobManifest Manifest, double OutputLufs)> TranscodeAsync(LoudnessTarget? target, CancellationToken cancellationToken, string? clip = null)
    {
        var ladder = LocalJob.SmallLadder with { Encoder = new EncoderSettings(Loudness: target) };
        var outcome = await LocalJob.Create(clip ?? await Clips.ThreeSecondsOfTone(), _temp, ladder).RunAsync(cancellationToken);
        var audio = outcome.Manifest.Audio!;
        return (outcome.Manifest, await LoudnessMeter.IntegratedLufsAsync(Path.Combine(_temp.Combine("out"), audio.Track), cancellationToken));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_NoTarget_ManifestHasTheOutputsLoudnessUnchangedFromTheSource(CancellationToken cancellationToken)
    {
        // Act
        var (manifest, outputLufs) = await TranscodeAsync(null, cancellationToken);

        // Assert
        var loudness = manifest.Audio!.Loudness!;
        var sourceLufs = await LoudnessMeter.IntegratedLufsAsync(await Clips.ThreeSecondsOfTone(), cancellationToken);
        Assert.Multiple(() =>
        {
            Assert.That(loudness.IntegratedLufs, Is.EqualTo(outputLufs).Within(0.5), "what the encode measured is what came out");
            Assert.That(outputLufs, Is.EqualTo(sourceLufs).Within(0.5), "no gain without a target");
            Assert.That(loudness.TruePeakDbtp, Is.LessThan(0).And.GreaterThan(-30));
            Assert.That(loudness.RangeLu, Is.GreaterThanOrEqualTo(0));
            Assert.That(loudness.TargetLufs, Is.Null);
        });
    }

    [TestCase(-23.0)]
    [TestCase(-16.0)]
    [TestCase(-14.0)]
    [CancelAfter(60_000)]
    public async Task RunAsync_Target_OutputWithinOneLuOfIt(double lufs, CancellationToken cancellationToken)
    {
        // Arrange: the tone is about -19 LUFS, so -23 lowers it and -16 and -14 raise it.
        var target = new LoudnessTarget(lufs, LoudnessTarget.DefaultTruePeakDbtp);

        // Act
        var (manifest, outputLufs) = await TranscodeAsync(target, cancellationToken);

        // Assert
        var loudness = manifest.Audio!.Loudness!;
        Assert.Multiple(() =>
        {
            Assert.That(outputLufs, Is.EqualTo(lufs).Within(1.0));
            Assert.That(loudness.IntegratedLufs, Is.EqualTo(lufs).Within(1.0));
            Assert.That(loudness.TruePeakDbtp, Is.LessThanOrEqualTo(target.TruePeakDbtp + 0.5));
            Assert.That(loudness.TargetLufs, Is.EqualTo(lufs));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_TargetOnATrackWithNoLoudnessRange_NormalisedNotRefused(CancellationToken cancellationToken)
    {
        // Arrange: 1.5 s of a steady stereo tone measures a loudness range of 0 LU; loudnorm's linear mode then left the
        // channel layout open and the measurement after it could not be linked ("Cannot select channel layout").
        var target = new LoudnessTarget(-16, LoudnessTarget.DefaultTruePeakDbtp);

        // Act
        var (manifest, outputLufs) = await TranscodeAsync(target, cancellationToken, await Clips.Landscape());

        // Assert
        Assert.That(outputLufs, Is.EqualTo(-16).Within(1.0));
        Assert.That(manifest.Audio!.Loudness!.TargetLufs, Is.EqualTo(-16));
    }
}
