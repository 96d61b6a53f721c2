using System.Collections;

namespace Transcoder.TranscodeJob.Hosting;

internal static class EnvironmentVariables
{
    /// <summary>A snapshot of this process's environment.</summary>
    public static IReadOnlyDictionary<string, string> Current()
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            snapshot[(string)entry.Key] = entry.Value as string ?? "";
        }

        return snapshot;
    }
}
