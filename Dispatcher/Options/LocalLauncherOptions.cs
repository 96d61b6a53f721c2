using Transcoder.Shared.Settings;

namespace Transcoder.Dispatcher.Options;

/// <summary>How jobs are started as child processes on this machine.</summary>
internal sealed class LocalLauncherOptions
{
    /// <summary>The TranscodeJob executable, or its <c>.dll</c> (then run with <c>dotnet</c>).</summary>
    public string JobPath { get; init; } = string.Empty;

    /// <summary>Jobs running at the same time; a launch waits for a free slot.</summary>
    public int MaxJobs { get; init; } = DispatcherDefaults.LocalMaxJobs;

    internal static LocalLauncherOptions Read(SettingReader reader)
    {
        var path = reader.Required(SettingNames.LocalJobPath, "the TranscodeJob executable or TranscodeJob.dll that the local launcher runs");
        if (path.Length > 0 && !File.Exists(path))
        {
            reader.Error($"{SettingNames.LocalJobPath} names no file: '{path}'");
        }

        return new LocalLauncherOptions
        {
            JobPath = path.Length > 0 ? Path.GetFullPath(path) : path,
            MaxJobs = reader.Integer(SettingNames.LocalMaxJobs, DispatcherDefaults.LocalMaxJobs, 1, 64),
        };
    }
}
