using Transcoder.Shared.Hosting;

namespace Transcoder.Client.Hosting;

/// <summary>
/// <c>transcoder</c>'s command line run inside another program: LocalPipeline uploads with <c>transcoder upload</c> and
/// prints the links of <c>transcoder urls</c> this way, on the emulator. The same commands, settings and exit codes as
/// the executable; the environment, the streams and the handler of the presigned requests are the host's. The
/// client's one public type: everything else stays internal to it.
/// </summary>
public static class ClientHost
{
    /// <param name="args">The command line, as the executable takes it (<c>upload FILE --key KEY</c>).</param>
    /// <param name="environment">The variables the settings fall back to (a key pair in it signs the requests).</param>
    /// <param name="presignedRequests">Sends the presigned requests (a signature check in front of the emulator); never disposed.</param>
    /// <param name="cancellationToken">Cancelled as a Ctrl-C would: a multipart upload is aborted, the exit code is 130.</param>
    /// <returns>The documented exit code.</returns>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> environment,
        ProcessConsole console,
        HttpMessageHandler presignedRequests,
        CancellationToken cancellationToken)
    {
        using var interruption = ProcessSignals.FromToken(cancellationToken, ClientExitCodes.Interrupted);
        var services = ClientServices.Default() with { HttpHandler = presignedRequests };
        return await ClientApp.RunAsync([.. args], environment, console, services, interruption);
    }
}
