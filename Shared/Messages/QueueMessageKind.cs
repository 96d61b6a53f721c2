namespace Transcoder.Shared.Messages;

/// <summary>What the dispatcher does with a queue message, decided by its content alone.</summary>
public enum QueueMessageKind
{
    /// <summary>One or more videos to transcode: launch a job for each.</summary>
    Jobs,

    /// <summary>Understood and needs no work (an <c>s3:TestEvent</c>, a removal, a filtered key): delete it.</summary>
    Ignored,

    /// <summary>Not understood: leave it alone, so that the queue's redrive policy moves it to the DLQ.</summary>
    Invalid,
}
