using Amazon.SQS;
using Transcoder.LocalAws;

namespace Transcoder.Dispatcher.Tests.Support;

/// <summary>A fresh queue and its dead-letter queue in the emulator, with a redrive policy, as the stack creates them.</summary>
internal sealed record QueuePair(IAmazonSQS Sqs, string QueueUrl, string DeadLetterUrl)
{
    public static async Task<QueuePair> CreateAsync(IAmazonSQS sqs, int maxReceiveCount, int visibilityTimeoutSeconds, CancellationToken cancellationToken)
    {
        var name = "dispatch-" + Guid.NewGuid().ToString("N")[..12];
        var (queueUrl, deadLetterUrl) = await EmulatorQueues.CreateWithDeadLetterAsync(sqs, name, maxReceiveCount, visibilityTimeoutSeconds, cancellationToken);
        return new QueuePair(sqs, queueUrl, deadLetterUrl);
    }

    public Task SendAsync(string body, CancellationToken cancellationToken) => Sqs.SendMessageAsync(QueueUrl, body, cancellationToken);

    public Task<(int Visible, int InFlight)> CountAsync(string url, CancellationToken cancellationToken) =>
        EmulatorQueues.CountAsync(Sqs, url, cancellationToken);
}
