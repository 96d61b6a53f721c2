using Amazon.SQS;
using Amazon.SQS.Model;
using Transcoder.Shared.Outputs;

namespace Transcoder.TranscodeJob.Events;

/// <summary>Sends the event to the results queue (<c>RESULTS_QUEUE_URL</c>), with its type as a message attribute for filtering.</summary>
internal sealed class ResultsQueueSender(IAmazonSQS sqs, string queueUrl) : IEventSender
{
    public string Name => "results queue";

    public Task SendAsync(JobEvent jobEvent, string body, CancellationToken cancellationToken) =>
        sqs.SendMessageAsync(
            new SendMessageRequest(queueUrl, body)
            {
                MessageAttributes = new Dictionary<string, MessageAttributeValue>
                {
                    ["type"] = new() { DataType = "String", StringValue = jobEvent.Type },
                },
            },
            cancellationToken);
}
