using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Transcoder.LocalAws;

/// <summary>Queues in the emulator as the stack creates them in AWS, and their depths.</summary>
public static class EmulatorQueues
{
    /// <summary>A queue and its dead-letter queue (<paramref name="name"/>-dlq), joined by a redrive policy.</summary>
    public static async Task<(string QueueUrl, string DeadLetterUrl)> CreateWithDeadLetterAsync(
        IAmazonSQS sqs, string name, int maxReceiveCount, int visibilityTimeoutSeconds, CancellationToken cancellationToken)
    {
        var deadLetterUrl = (await sqs.CreateQueueAsync(new CreateQueueRequest(name + "-dlq"), cancellationToken)).QueueUrl;
        var deadLetterArn = (await sqs.GetQueueAttributesAsync(deadLetterUrl, ["QueueArn"], cancellationToken)).Attributes["QueueArn"];
        var queueUrl = (await sqs.CreateQueueAsync(
            new CreateQueueRequest(name)
            {
                Attributes = new Dictionary<string, string>
                {
                    ["VisibilityTimeout"] = visibilityTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
                    ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{deadLetterArn}}","maxReceiveCount":"{{maxReceiveCount}}"}""",
                },
            },
            cancellationToken)).QueueUrl;
        return (queueUrl, deadLetterUrl);
    }

    /// <summary>Visible and in-flight messages of a queue (the emulator counts them exactly).</summary>
    public static async Task<(int Visible, int InFlight)> CountAsync(IAmazonSQS sqs, string url, CancellationToken cancellationToken)
    {
        var attributes = (await sqs.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"], cancellationToken)).Attributes;
        return (int.Parse(attributes["ApproximateNumberOfMessages"], CultureInfo.InvariantCulture),
            int.Parse(attributes["ApproximateNumberOfMessagesNotVisible"], CultureInfo.InvariantCulture));
    }
}
