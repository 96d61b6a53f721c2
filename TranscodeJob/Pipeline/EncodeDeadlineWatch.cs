using System.Globalization;
using Transcoder.Shared;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Errors;

namespace Transcoder.TranscodeJob.Pipeline;

/// <summary>
/// Keeps an encode inside the time the job can own its message. SQS lets a message stay invisible for at most 12
/// hours after its receive; past that it comes back and a second task would start on the same video. So once the
/// measured speed shows the encode cannot end before the deadline, the encode is stopped and the job
/// refuses the video (exit 3, failure.json, the message deleted: the same task size would fail the same way), with
/// the figures and what to change. The watch looks at the progress every <see cref="CheckInterval"/> of the
/// clock it is given, so tests drive it with a fake clock.
/// </summary>
internal sealed class EncodeDeadlineWatch : IDisposable
{
    /// <summary>How often the projection is made.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);

    /// <summary>Encoding time before the speed is trusted: the first seconds include ffmpeg's start-up.</summary>
    public static readonly TimeSpan MinimumSample = TimeSpan.FromMinutes(3);

    private readonly DateTimeOffset _deadline;
    private readonly Func<double> _done;
    private readonly TimeSpan _sourceDuration;
    private readonly string _source;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _started;
    private readonly CancellationTokenSource _stop;
    private readonly ITimer _timer;

    /// <param name="done">How much of the encode is done, 0 to 1 (<see cref="ProgressBoard.Done"/>).</param>
    public EncodeDeadlineWatch(
        DateTimeOffset deadline, Func<double> done, TimeSpan sourceDuration, string source, TimeProvider time, CancellationToken outer)
    {
        _deadline = deadline;
        _done = done;
        _sourceDuration = sourceDuration;
        _source = source;
        _time = time;
        _started = time.GetUtcNow();
        _stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _timer = time.CreateTimer(_ => Check(), null, TimeSpan.Zero, CheckInterval);
    }

    /// <summary>Cancelled when the encode must stop (the refusal is then in <see cref="Refusal"/>) or the job is stopped.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Why the encode was stopped; null while it may go on.</summary>
    public JobException? Refusal { get; private set; }

    public void Dispose()
    {
        _timer.Dispose();
        _stop.Dispose();
    }

    private void Check()
    {
        if (Refusal is not null)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var elapsed = now - _started;
        var done = _done();
        var hours = JobLeaseHours();
        if (now >= _deadline)
        {
            Refuse(string.Create(CultureInfo.InvariantCulture,
                $"{_source}: the encode was still {done * 100:0}% done when its time ran out ({hours} hours from the message's receive, SQS's visibility limit, less {Settings.LeaseSettings.FinishAllowance.TotalMinutes:0} minutes to publish); {Hint()}"));
            return;
        }

        if (elapsed < MinimumSample || done <= 0)
        {
            return;
        }

        var projectedEnd = _started + (elapsed / done);
        if (projectedEnd > _deadline)
        {
            var speed = done * _sourceDuration / elapsed;
            Refuse(string.Create(CultureInfo.InvariantCulture,
                $"{_source} would take about {(projectedEnd - _started).TotalHours:0.0} h to encode at the measured {speed:0.00}x real time, past the {(_deadline - _started).TotalHours:0.0} h left before SQS's {hours}-hour visibility limit on its message; {Hint()}"));
        }
    }

    private static string Hint() =>
        $"give the job's task more vCPUs (the task definition's cpu and memory) or lower {JobEnvironment.MaxSourceSeconds} so that such sources are refused up front";

    private static int JobLeaseHours() => (int)Shared.Jobs.JobLease.VisibilityCeiling.TotalHours;

    private void Refuse(string reason)
    {
        Refusal = JobException.BadInput(reason);
        _stop.Cancel();
    }
}
