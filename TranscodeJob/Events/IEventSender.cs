using Transcoder.Shared.Outputs;

namespace Transcoder.TranscodeJob.Events;

/// <summary>One destination of the job's completion event.</summary>
internal interface IEventSender
{
    /// <summary>For log lines: <c>results queue</c>, <c>webhook</c>.</summary>
    string Name { get; }

    Task SendAsync(JobEvent jobEvent, string body, CancellationToken cancellationToken);
}
