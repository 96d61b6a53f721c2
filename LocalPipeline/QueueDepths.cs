namespace Transcoder.LocalPipeline;

/// <summary>How many messages wait in the upload queue, are held by a dispatcher or job, and sit in the DLQ.</summary>
internal sealed record QueueDepths(int Visible, int InFlight, int DeadLetters)
{
    public bool IsEmpty => Visible == 0 && InFlight == 0 && DeadLetters == 0;
}
