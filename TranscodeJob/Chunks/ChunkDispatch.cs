using Amazon.SQS;
using Amazon.SQS.Model;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Messages;
using Transcoder.TranscodeJob.Errors;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// Hands every chunk to the pipeline as a job of its own: one plain job message per chunk on the upload queue, which
/// the dispatcher checks and launches like any other (rate-limited, one task per message, each task owning its
/// message). Sent at least once: a resend after a crash starts a chunk task that finds its part done and stops.
/// </summary>
internal static class ChunkDispatch
{
    public static async Task SendAsync(ChunkServices services, SplitPlan plan, CancellationToken cancellationToken)
    {
        var entries = plan.Chunks.Select(chunk => new SendMessageBatchRequestEntry(
            $"chunk{chunk.Index}",
            JobMessage.ToJson(new JobRequest(
                services.Source.Bucket, services.Source.Key, plan.UploadRevision, null, Chunk: new JobChunk(plan.PlanId, chunk.Index, plan.Chunks.Count)))));
        var queueUrl = services.QueueUrl ?? throw new InvalidOperationException("a job cuts a source only when it came from a queue");
        foreach (var batch in entries.Chunk(10))
        {
            SendMessageBatchResponse response;
            try
            {
                response = await services.Sqs.SendMessageBatchAsync(new SendMessageBatchRequest(queueUrl, [.. batch]), cancellationToken);
            }
            catch (Exception exception) when (exception is AmazonSQSException or HttpRequestException)
            {
                throw JobException.Transient($"could not queue the chunks of {services.Source.Display}: {exception.Message}", exception);
            }

            if (response.Failed is { Count: > 0 } failed)
            {
                throw JobException.Transient($"could not queue {failed.Count} chunks of {services.Source.Display}: {failed[0].Message}");
            }
        }
    }
}
