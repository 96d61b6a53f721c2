using System.Globalization;
using Amazon.SQS.Model;

namespace Transcoder.Dispatcher.Polling;

/// <summary>The parts of an SQS message the dispatcher uses, read once.</summary>
/// <param name="InfrastructureRetries">
/// How many times this upload was already requeued because ECS could not launch it (the message attribute
/// <see cref="InfrastructureRetriesAttribute"/>; 0 for a message S3 sent).
/// </param>
/// <param name="ReceivedAt">When the dispatcher asked for it (at or before the receive); null in tests that do not care.</param>
internal sealed record ReceivedMessage(
    string MessageId,
    string ReceiptHandle,
    string Body,
    int ReceiveCount,
    DateTimeOffset? SentAt,
    int InfrastructureRetries = 0,
    DateTimeOffset? ReceivedAt = null)
{
    public const string ReceiveCountAttribute = "ApproximateReceiveCount";
    public const string SentTimestampAttribute = "SentTimestamp";

    /// <summary>Message attribute the dispatcher sets on a copy it requeues after an infrastructure failure.</summary>
    public const string InfrastructureRetriesAttribute = "transcoder-infrastructure-retries";

    public static ReceivedMessage From(Message message)
    {
        var attributes = message.Attributes ?? [];
        var receiveCount = attributes.TryGetValue(ReceiveCountAttribute, out var count)
                           && int.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : 1;
        DateTimeOffset? sentAt = attributes.TryGetValue(SentTimestampAttribute, out var sent)
                                 && long.TryParse(sent, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        var retries = message.MessageAttributes is { } custom
                      && custom.TryGetValue(InfrastructureRetriesAttribute, out var value)
                      && int.TryParse(value.StringValue, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedRetries)
                      && parsedRetries > 0
            ? parsedRetries
            : 0;
        return new ReceivedMessage(
            message.MessageId ?? string.Empty, message.ReceiptHandle ?? string.Empty, message.Body ?? string.Empty, receiveCount, sentAt, retries);
    }
}
