namespace Transcoder.TranscodeJob.Queue;

/// <param name="Interval">How often the job extends the message's visibility.</param>
/// <param name="Extension">
/// How far each heartbeat pushes the visibility out. Three intervals: two heartbeats can be lost (a network blip,
/// a long GC) before the message comes back and a second task starts on the same video.
/// </param>
internal sealed record LeaseTimings(TimeSpan Interval, TimeSpan Extension)
{
    public static LeaseTimings FromInterval(TimeSpan interval) => new(interval, interval * 3);

    public static readonly LeaseTimings Default = FromInterval(TimeSpan.FromSeconds(60));
}
