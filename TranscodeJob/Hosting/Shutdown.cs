using System.Runtime.InteropServices;
using Transcoder.Shared;

namespace Transcoder.TranscodeJob.Hosting;

/// <summary>
/// SIGTERM (ECS stopping the task) and SIGINT (Ctrl-C) become a cancellation: ffmpeg is stopped, the workspace
/// removed and the message released before the process exits with 143 or 130. A second Ctrl-C kills at once.
/// </summary>
internal sealed class Shutdown : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly List<PosixSignalRegistration> _registrations = [];

    private Shutdown(CancellationTokenSource source) => _source = source;

    public CancellationToken Token => _source.Token;

    /// <summary>The exit code to use when the job was cancelled.</summary>
    public int ExitCode { get; private set; } = ExitCodes.Terminated;

    public static Shutdown OnProcessSignals()
    {
        var shutdown = new Shutdown(new CancellationTokenSource());
        shutdown.Register(PosixSignal.SIGTERM, ExitCodes.Terminated);
        shutdown.Register(PosixSignal.SIGINT, ExitCodes.Interrupted);
        return shutdown;
    }

    /// <summary>For tests and embedding: cancelled when <paramref name="token"/> is.</summary>
    public static Shutdown FromToken(CancellationToken token, int exitCode = ExitCodes.Terminated) =>
        new(CancellationTokenSource.CreateLinkedTokenSource(token)) { ExitCode = exitCode };

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
