using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Tests.Pipeline;

public sealed class RunRequestTests
{
    private static PipelineOptions Options(VideoCodecs? codecs = null, Ladder? ladder = null) =>
        new(null, ladder ?? Ladder.Default, "/tmp", 2) { Codecs = codecs };

    private static readonly VideoCodecs Both = VideoCodecs.H264 | VideoCodecs.Av1;

    [Test]
    public void For_NobodySaid_TheLaddersCodecs()
    {
        // Act
        var byDefault = RunRequest.For(Options(), UploadOptions.None, "s3://b/k");
        var byLadderFile = RunRequest.For(Options(ladder: Ladder.Default with { Codecs = Both }), UploadOptions.None, "s3://b/k");

        // Assert
        Assert.That((byDefault.Ladder.Codecs, byLadderFile.Ladder.Codecs), Is.EqualTo((VideoCodecs.H264, Both)));
    }

    [Test]
    public void For_UploadMetadataAsksForAv1_Av1()
    {
        // Act
        var request = RunRequest.For(Options(), UploadOptions.None with { Codecs = "h264,av1" }, "s3://b/k");

        // Assert
        Assert.That(request.Ladder.Codecs, Is.EqualTo(Both));
    }

    [Test]
    public void For_JobToldH264AndMetadataAsksForAv1_TheJobWins()
    {
        // Act
        var request = RunRequest.For(Options(VideoCodecs.H264, Ladder.Default with { Codecs = Both }), UploadOptions.None with { Codecs = "h264,av1" }, "s3://b/k");

        // Assert
        Assert.That(request.Ladder.Codecs, Is.EqualTo(VideoCodecs.H264));
    }

    [Test]
    public void For_UploadMetadataAsksForAv1Alone_BadInputNamingIt()
    {
        // Act
        var failure = Assert.Throws<JobException>(() => RunRequest.For(Options(), UploadOptions.None with { Codecs = "av1" }, "s3://b/k"));

        // Assert
        Assert.That(failure!.IsRetryable, Is.False);
        Assert.That(failure.Message, Does.Contain("s3://b/k: its upload metadata asks for what cannot be made: codecs 'av1': h264 is always made"));
    }
}
