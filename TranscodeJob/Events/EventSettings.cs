namespace Transcoder.TranscodeJob.Events;

/// <summary>Where the completion event goes; both null: nowhere (run by hand).</summary>
internal sealed record EventSettings(string? ResultsQueueUrl, Uri? WebhookUrl, string? WebhookSecret)
{
    public static EventSettings None { get; } = new(null, null, null);
}
