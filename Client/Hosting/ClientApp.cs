using Transcoder.Shared.Hosting;
using System.CommandLine;
using Transcoder.Client.Cli;

namespace Transcoder.Client.Hosting;

/// <summary>
/// The edge of the client: parses the command line, runs the command, and turns every outcome into a documented exit
/// code, with one <c>error:</c> line per problem on stderr. Nothing below this class writes an exit code.
/// </summary>
internal static class ClientApp
{
    public static async Task<int> RunAsync(
        string[] args, IReadOnlyDictionary<string, string> environment, ProcessConsole console, ClientServices services, ProcessSignals interruption)
    {
        var parse = new ClientCommand(environment, console, services).Root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"error: {error.Message}");
            }

            await console.Error.WriteLineAsync("(transcoder --help lists the commands and options)");
            return ClientExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration
                {
                    Output = console.Out,
                    Error = console.Error,
                    // Exceptions come here, to become one line; signals to ProcessSignals, which gives an abort time to finish.
                    EnableDefaultExceptionHandler = false,
                    ProcessTerminationTimeout = null,
                },
                interruption.Token);
        }
#pragma warning disable CA1031 // The edge of the program: every failure ends in an exit code and error lines.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var (exitCode, lines) = ErrorLines.For(exception, interruption);
            foreach (var line in lines)
            {
                await console.Error.WriteLineAsync(line);
            }

            return exitCode;
        }
    }
}
