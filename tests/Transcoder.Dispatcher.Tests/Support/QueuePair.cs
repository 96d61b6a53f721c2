using Amazon.SQS;
using Amazon.SQS.Model;

namespace Transcoder.Dispatcher.Tests.Support;

/// <summary>A fresh queue and its dead-letter queue in the emulator, with a redrive policy, as the stack creates them.</summary>
internal sealed record QueuePair(IAmazonSQS Sqs, string QueueUrl, string DeadLetterUrl)
{
    public static async Task<QueuePair> CreateAsync(IAmazonSQS sqs, int maxReceiveCount, int visibilityTimeoutSeconds, CancellationToken cancellationToken)
    {
        var name = "dispatch-" + Guid.NewGuid().ToString("N")[..12];
        var dlq = await sqs.CreateQueueAsync(new CreateQueueRequest(name + "-dlq"), cancellationToken);
        var dlqArn = (await sqs.GetQueueAttributesAsync(dlq.QueueUrl, ["QueueArn"], cancellationToken)).Attributes["QueueArn"];
        var queue = await sqs.CreateQueueAsync(
            new CreateQueueRequest(name)
            {
                Attributes = new Dictionary<string, string>
                {
                    ["VisibilityTimeout"] = visibilityTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{dlqArn}}","maxReceiveCount":"{{maxReceiveCount}}"}""",
                },
            },
            cancellationToken);
        return new QueuePair(sqs, queue.QueueUrl, dlq.QueueUrl);
    }

    public Task SendAsync(string body, CancellationToken cancellationToken) => Sqs.SendMessageAsync(QueueUrl, body, cancellationToken);

    /// <summary>Visible and in-flight messages of a queue (the emulator counts them exactly).</summary>
    public async Task<(int Visible, int InFlight)> CountAsync(string url, CancellationToken cancellationToken)
    {
        var attributes = (await Sqs.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"], cancellationToken)).Attributes;
        return (int.Parse(attributes["ApproximateNumberOfMessages"], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(attributes["ApproximateNumberOfMessagesNotVisible"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
