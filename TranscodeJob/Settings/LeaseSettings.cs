using Transcoder.TranscodeJob.Queue;

namespace Transcoder.TranscodeJob.Settings;

/// <summary>The SQS message this job owns (set by the dispatcher), with the heartbeat timing.</summary>
internal sealed record LeaseSettings(string QueueUrl, string ReceiptHandle, LeaseTimings Timings);
