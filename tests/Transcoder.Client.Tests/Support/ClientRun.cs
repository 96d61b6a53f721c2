using Transcoder.Client.Hosting;
using Transcoder.Shared.Hosting;

namespace Transcoder.Client.Tests.Support;

/// <summary>One in-process run of the client's command line, with its streams captured.</summary>
internal sealed record ClientRun(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static async Task<ClientRun> RunAsync(
        string[] args, IReadOnlyDictionary<string, string> environment, ClientServices services, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var interruption = ProcessSignals.FromToken(cancellationToken, ClientExitCodes.Interrupted);
        var exitCode = await ClientApp.RunAsync(args, environment, new ProcessConsole(output, error, OutIsTerminal: false, ErrorIsTerminal: false), services, interruption);
        return new ClientRun(exitCode, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}
