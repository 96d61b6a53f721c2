using Transcoder.LocalAws;

namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>The real TranscodeJob executable, as ECS or a user runs it.</summary>
internal static class JobProcess
{
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "TranscodeJob.dll");

    public static ChildProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        ChildProcess.StartDotnet(AssemblyPath, arguments, environment ?? new Dictionary<string, string>());

    public static async Task<ChildProcess> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var process = Start(arguments, environment);
        await process.WaitForExitAsync(cancellationToken);
        return process;
    }
}
