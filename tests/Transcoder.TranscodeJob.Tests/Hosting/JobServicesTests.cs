using Microsoft.Extensions.Logging.Abstractions;
using Transcoder.Shared;
using Transcoder.TranscodeJob.Captions;
using Transcoder.TranscodeJob.Chunks;
using Transcoder.TranscodeJob.Hosting;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Settings;

namespace Transcoder.TranscodeJob.Tests.Hosting;

/// <summary>Which job a task runs, from what the dispatcher set: the one place a job of a kind is built.</summary>
public sealed class JobServicesTests
{
    [TestCase("uploads/film.mp4", null, typeof(TranscodePipeline))]
    [TestCase("uploads/film.fr.srt", null, typeof(CaptionJob))]
    [TestCase("uploads/film.mp4", "0", typeof(ChunkPipeline))]
    public void CreateJob_TaskFromTheQueue_TheJobOfItsKind(string key, string? chunkIndex, Type expected)
    {
        // Arrange: a task from the queue, S3 to S3 (so a long source could be cut), as the dispatcher's overrides set it.
        var environment = new Dictionary<string, string>
        {
            [JobEnvironment.SourceBucket] = "uploads",
            [JobEnvironment.SourceKey] = key,
            [JobEnvironment.OutputBucket] = "prod",
            [JobEnvironment.QueueUrl] = "http://127.0.0.1:1/000000000000/jobs",
            [JobEnvironment.ReceiptHandle] = "rh",
            [JobEnvironment.SourceRevision] = "etag:1",
            ["AWS_REGION"] = "eu-west-1",
        };
        if (chunkIndex is not null)
        {
            environment[JobEnvironment.ChunkPlan] = "0123456789abcdef";
            environment[JobEnvironment.ChunkIndex] = chunkIndex;
            environment[JobEnvironment.ChunkCount] = "3";
            environment[JobEnvironment.JobId] = "0123abcd";
        }

        var settings = JobSettingsResolver.Resolve(new CliValues(), environment);

        // Act
        var job = JobServices.CreateJob(settings, environment, null, NullLoggerFactory.Instance);

        // Assert: a caption file's job attaches it, whatever the queue could do with a long source.
        Assert.That(job, Is.TypeOf(expected));
    }
}
