using System.Runtime.InteropServices;

namespace Transcoder.Dispatcher.Local;

/// <summary>SIGTERM for a child process: .NET's Process can only kill, and a job given SIGTERM cleans up and releases its message.</summary>
internal static partial class Signals
{
    private const int SigTerm = 15;

    public static void Terminate(int processId)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        _ = Kill(processId, SigTerm);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
