using System.Runtime.InteropServices;

namespace Transcoder.Client.Hosting;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM become a cancellation, so that a multipart upload in progress is aborted before the
/// process exits with 130 or 143, instead of the runtime ending it with the parts left in the bucket.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly List<PosixSignalRegistration> _registrations = [];

    private Interruption(CancellationTokenSource source) => _source = source;

    public CancellationToken Token => _source.Token;

    /// <summary>The exit code of the signal that cancelled the token.</summary>
    public int ExitCode { get; private set; } = ClientExitCodes.Interrupted;

    public static Interruption OnProcessSignals()
    {
        var interruption = new Interruption(new CancellationTokenSource());
        interruption.Register(PosixSignal.SIGINT, ClientExitCodes.Interrupted);
        interruption.Register(PosixSignal.SIGTERM, ClientExitCodes.Terminated);
        return interruption;
    }

    /// <summary>For tests: cancelled when <paramref name="token"/> is, as if by Ctrl-C.</summary>
    public static Interruption FromToken(CancellationToken token) => new(CancellationTokenSource.CreateLinkedTokenSource(token));

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
                return; // A second signal: the runtime's default handling ends the process now.
            }

            context.Cancel = true;
            ExitCode = exitCode;
            _source.Cancel();
        }));
}
