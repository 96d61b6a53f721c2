using System.Collections;

namespace Transcoder.Shared.Hosting;

/// <summary>This process's environment, read once at start-up: settings come from it (and the command line) only.</summary>
public static class EnvironmentSnapshot
{
    /// <summary>A copy of the environment variables as they are now; a variable set to nothing reads as empty.</summary>
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
