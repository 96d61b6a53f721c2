using System.Globalization;
using System.Text.RegularExpressions;

namespace Transcoder.Shared.Jobs;

/// <summary>
/// Which rendition names a job may ask for. A name shaped like <c>540p</c> (an even height from 16 to 4320) is valid
/// for any ladder: the job interpolates bitrates between its rungs. Other names are valid only where the ladder has
/// them, so the side that knows the ladder passes its names.
/// </summary>
public static partial class RenditionNames
{
    /// <summary>The shortest picture a height-shaped name may ask for.</summary>
    public const int MinHeight = 16;

    /// <summary>The tallest picture a height-shaped name may ask for (8K).</summary>
    public const int MaxHeight = 4320;

    /// <summary>The height a name like <c>540p</c> asks for; false for any other name.</summary>
    public static bool TryParseHeight(string name, out int height)
    {
        height = 0;
        var match = HeightName().Match(name);
        if (!match.Success)
        {
            return false;
        }

        height = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return height is >= MinHeight and <= MaxHeight && height % 2 == 0;
    }

    /// <summary>Splits a comma list into names, trimmed, empty entries dropped.</summary>
    public static IReadOnlyList<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Null when <paramref name="name"/> is valid, else the problem, naming what would be.</summary>
    /// <param name="ladderNames">The names of the ladder's rungs (any letter case matches).</param>
    public static string? Problem(string name, IReadOnlyCollection<string> ladderNames)
    {
        if (TryParseHeight(name, out _) || ladderNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var known = ladderNames.Count == 0 ? "" : $"one of {string.Join(", ", ladderNames)} or ";
        return $"unknown rendition '{name}': use {known}an even height like 540p";
    }

    [GeneratedRegex(@"^(\d{2,4})p$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeightName();
}
