using System.Collections;

namespace Transcoder.Client.Hosting;

internal static class EnvironmentSnapshot
{
    /// <summary>This process's environment, read once: settings come from it and the command line only.</summary>
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
