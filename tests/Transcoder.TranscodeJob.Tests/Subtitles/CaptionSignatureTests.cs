using Microsoft.Extensions.Logging.Abstractions;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Limits;
using Transcoder.TranscodeJob.Subtitles;
using Transcoder.TranscodeJob.Tests.Support;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Tests.Subtitles;

public sealed class CaptionSignatureTests : IDisposable
{
    // country 0xB5, provider 0x0031, "GA94", cc_data: the start of every A/53 caption payload.
    private static readonly byte[] Marker = [0xB5, 0x00, 0x31, 0x47, 0x41, 0x39, 0x34, 0x03];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private SourceInput FileOf(int length, int? markerAt = null)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        // Random bytes hold the marker once in 2^64 tries: the filler cannot make a test pass by chance.
        if (markerAt is { } at)
        {
            Marker.CopyTo(bytes, at);
        }

        var path = _temp.Combine($"source-{length}-{markerAt}.mp4");
        File.WriteAllBytes(path, bytes);
        return new SourceInput(path, SourceLimits.DefaultMaxPixelsPerFrame);
    }

    [Test]
    public void MayCarry_TheCaptionPayloadInTheFile_True()
    {
        // Act / Assert
        Assert.That(CaptionSignature.MayCarry(FileOf(300_000, markerAt: 123_456), "mov"), Is.True);
    }

    [Test]
    public void MayCarry_NoCaptionPayloadAnywhere_False()
    {
        // Act / Assert: three reads' worth of bytes, none of them the marker.
        Assert.That(CaptionSignature.MayCarry(FileOf(3 * 1024 * 1024 + 17), "mpegts"), Is.False);
    }

    [Test]
    public void MayCarry_ThePayloadAcrossTwoReads_True([Values(1, 4, 7)] int bytesInTheFirst)
    {
        // Act / Assert: the file is read a MiB at a time.
        Assert.That(CaptionSignature.MayCarry(FileOf(2 * 1024 * 1024, markerAt: (1024 * 1024) - bytesInTheFirst), "mov"), Is.True);
    }

    [Test]
    public void MayCarry_TheLastBytesOfTheFile_True()
    {
        // Act / Assert
        Assert.That(CaptionSignature.MayCarry(FileOf(1024 * 1024 + 100, markerAt: 1024 * 1024 + 92), "h264"), Is.True);
    }

    [Test]
    public void MayCarry_LargerThanItReads_TrueWithoutAnswering()
    {
        // Act / Assert: no marker, but the file is over the limit, so the decoding check decides.
        Assert.That(CaptionSignature.MayCarry(FileOf(4096), "mov", maxScannedBytes: 4095), Is.True);
    }

    [Test]
    public void MayCarry_AFileItCannotRead_TrueForTheDecodingCheckToDecide()
    {
        // Arrange: gone since the probe.
        var gone = new SourceInput(_temp.Combine("gone.mp4"), SourceLimits.DefaultMaxPixelsPerFrame);

        // Act / Assert
        Assert.That(CaptionSignature.MayCarry(gone, "mov"), Is.True);
    }

    [Test]
    public void MayCarry_MatroskaOrARemoteRead_TrueWithoutReading()
    {
        // Arrange: neither file exists; the answer comes before any read.
        var missing = new SourceInput(_temp.Combine("missing.mkv"), SourceLimits.DefaultMaxPixelsPerFrame);
        var remote = missing with { Remote = new RemoteSource(new Uri("https://bucket.s3.amazonaws.com/up/clip.mp4"), "mov", null) };

        // Act / Assert: a Matroska track can be compressed; a remote source is read by ffmpeg alone.
        Assert.That(CaptionSignature.MayCarry(missing, "matroska"), Is.True);
        Assert.That(CaptionSignature.MayCarry(remote, "mov"), Is.True);
    }

    [Test]
    [Category("Integration")]
    [CancelAfter(60_000)]
    public async Task MayCarry_RealClips_TheCaptionedOneOnly(CancellationToken cancellationToken)
    {
        // Arrange: x264's own SEI (its version string) is an unregistered user data message, not a caption.
        var captioned = new SourceInput(await Clips.H264WithCea608(), SourceLimits.DefaultMaxPixelsPerFrame);
        var plain = new SourceInput(await Clips.FourAndAHalfSeconds(), SourceLimits.DefaultMaxPixelsPerFrame);

        // Act / Assert
        Assert.That(CaptionSignature.MayCarry(captioned, "mov"), Is.True);
        Assert.That(CaptionSignature.MayCarry(plain, "mov"), Is.False);
    }

    [Test]
    [Category("Integration")]
    [CancelAfter(60_000)]
    public async Task ExtractAsync_AnMp4WithoutCaptions_NoneAndNoProcessStarted(CancellationToken cancellationToken)
    {
        // Arrange: a probed MP4 of H.264, which the decoding check would have opened.
        var runner = new FfmpegRunner(FfmpegPaths.Default, TimeSpan.FromSeconds(5));
        var (probed, _) = await LocalJob.PlanAsync(runner, await Clips.FourAndAHalfSeconds(), cancellationToken);
        using var workspace = JobWorkspace.Create(_temp.Path, "captions");
        var recording = new RecordingRunner(runner);

        // Act
        var made = await new ClosedCaptionExtractor(recording, NullLogger.Instance).ExtractAsync(probed, workspace, cancellationToken);

        // Assert
        Assert.That(probed.Media.Video!.Codec, Is.EqualTo("h264"));
        Assert.That(made.Tracks, Is.Empty);
        Assert.That(recording.Runs, Is.Empty);
    }
}
