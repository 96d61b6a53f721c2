using System.Globalization;
using Amazon.SQS.Model;

namespace Transcoder.Dispatcher.Polling;

/// <summary>The parts of an SQS message the dispatcher uses, read once.</summary>
public sealed record ReceivedMessage(string MessageId, string ReceiptHandle, string Body, int ReceiveCount, DateTimeOffset? SentAt)
{
    public const string ReceiveCountAttribute = "ApproximateReceiveCount";
    public const string SentTimestampAttribute = "SentTimestamp";

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
        return new ReceivedMessage(message.MessageId ?? string.Empty, message.ReceiptHandle ?? string.Empty, message.Body ?? string.Empty, receiveCount, sentAt);
    }
}
