using System.Runtime.InteropServices;

namespace Transcoder.Shared.Hosting;

/// <summary>
/// SIGTERM (ECS stopping a task) and SIGINT (Ctrl-C) become a cancellation, so that work in progress ends cleanly
/// (ffmpeg stopped and the message released in the job, a multipart upload aborted in the client) before the process
/// exits with 143 or 130. A second signal lets the runtime end the process at once.
/// </summary>
public sealed class ProcessSignals : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly List<PosixSignalRegistration> _registrations = [];

    private ProcessSignals(CancellationTokenSource source, int exitCode)
    {
        _source = source;
        ExitCode = exitCode;
    }

    /// <summary>Cancelled when a signal asked the process to stop.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The exit code of the signal that cancelled <see cref="Token"/>.</summary>
    public int ExitCode { get; private set; }

    /// <summary>Listens to this process's SIGTERM and SIGINT.</summary>
    public static ProcessSignals OnProcessSignals()
    {
        var signals = new ProcessSignals(new CancellationTokenSource(), ExitCodes.Terminated);
        signals.Register(PosixSignal.SIGTERM, ExitCodes.Terminated);
        signals.Register(PosixSignal.SIGINT, ExitCodes.Interrupted);
        return signals;
    }

    /// <summary>For tests and embedding: cancelled when <paramref name="token"/> is, as if by the signal of <paramref name="exitCode"/>.</summary>
    public static ProcessSignals FromToken(CancellationToken token, int exitCode = ExitCodes.Terminated) =>
        new(CancellationTokenSource.CreateLinkedTokenSource(token), exitCode);

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void Register(PosixSignal signal, int exitCode) =>
        _registrations.Add(PosixSignalRegistration.Create(signal, context =>
        {
            if (_source.IsCancellationRequested)
            {
                return; // Second signal: let the runtime's default handling end the process now.
            }

            context.Cancel = true;
            ExitCode = exitCode;
            _source.Cancel();
        }));
}
