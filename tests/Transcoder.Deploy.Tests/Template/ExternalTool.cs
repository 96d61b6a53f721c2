using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>Runs a command-line tool to its end in the repository root and captures what it printed.</summary>
public static partial class ExternalTool
{
    public static Task<ToolResult> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(fileName, arguments, new Dictionary<string, string>(), cancellationToken);

    /// <param name="environment">Variables to set for the tool on top of this process's own (e.g. a PATH with stand-ins).</param>
    public static async Task<ToolResult> RunAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = DeployPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        // The npm cfn-lint colours its report whatever the terminal: keep the failure message readable.
        var text = AnsiEscape().Replace((await output) + (await errors), string.Empty);
        return new ToolResult(process.ExitCode, text);
    }

    /// <summary>Whether <paramref name="fileName"/> can be started (found on PATH).</summary>
    public static async Task<bool> ExistsAsync(string fileName, string versionArgument, CancellationToken cancellationToken)
    {
        try
        {
            return (await RunAsync(fileName, [versionArgument], cancellationToken)).ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial Regex AnsiEscape();
}
