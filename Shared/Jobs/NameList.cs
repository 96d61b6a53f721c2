namespace Transcoder.Shared.Jobs;

/// <summary>A comma list of known names (<c>hls,dash</c>, <c>h264,av1</c>), read and written the one way.</summary>
internal static class NameList
{
    /// <summary>The values <paramref name="list"/> names, any letter case; each unknown name adds <paramref name="unknown"/>'s problem.</summary>
    public static IReadOnlyList<T> Read<T>(
        string list, IReadOnlyList<(string Name, T Value)> names, Func<string, string> unknown, ICollection<string> problems)
    {
        var values = new List<T>();
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var known = names.FirstOrDefault(n => n.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known.Name is null)
            {
                problems.Add(unknown(name));
            }
            else
            {
                values.Add(known.Value);
            }
        }

        return values;
    }

    /// <summary>The names of the values <paramref name="has"/> holds, comma-separated, in the table's order.</summary>
    public static string Write<T>(IReadOnlyList<(string Name, T Value)> names, Func<T, bool> has) =>
        string.Join(',', names.Where(n => has(n.Value)).Select(n => n.Name));
}
