using System.Diagnostics;

namespace Transcoder.LocalAws;

/// <summary>
/// The pinned Node tools in package.json. Installed with <c>npm ci</c> on first use when node_modules lacks them,
/// under a lock file, because test assemblies run in parallel processes.
/// </summary>
public static class NodeTools
{
    public static string FauxqsCli => Path.Combine(RepoPaths.NodeModules, "fauxqs", "dist", "cli.js");

    /// <summary>The script that serves fauxqs with the S3 operations it lacks (see <see cref="FauxqsEmulator"/>).</summary>
    public static string FauxqsWithS3Extras => Path.Combine(RepoPaths.Root, "LocalAws", "fauxqs-s3.mjs");

    public static async Task EnsureInstalledAsync(string marker, CancellationToken cancellationToken)
    {
        if (File.Exists(marker))
        {
            return;
        }

        var lockPath = Path.Combine(RepoPaths.Root, ".npm-install.lock");
        await using var gate = await AcquireAsync(lockPath, cancellationToken);
        if (File.Exists(marker))
        {
            return;
        }

        var npm = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(npm) ?? throw new InvalidOperationException("cannot start npm: install Node.js 20+");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 || !File.Exists(marker))
        {
            throw new InvalidOperationException($"npm ci failed (exit {process.ExitCode}):\n{await output}\n{await errors}");
        }
    }

    private static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }
}
