using System.Globalization;
using System.Text.RegularExpressions;

namespace Transcoder.Client.Settings;

/// <summary>A duration as a person types it: <c>90s</c>, <c>15m</c>, <c>1h</c>, <c>7d</c>, or plain seconds.</summary>
internal static partial class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success || !long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count > 100_000_000)
        {
            return false;
        }

        duration = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "m" => TimeSpan.FromMinutes(count),
            "h" => TimeSpan.FromHours(count),
            "d" => TimeSpan.FromDays(count),
            _ => TimeSpan.FromSeconds(count),
        };
        return true;
    }

    /// <summary>The shortest exact form: <c>1h</c>, <c>90m</c>, <c>45s</c>.</summary>
    public static string Format(TimeSpan duration) => duration switch
    {
        { TotalSeconds: var s } when s % 86_400 == 0 && s > 0 => string.Create(CultureInfo.InvariantCulture, $"{s / 86_400:0}d"),
        { TotalSeconds: var s } when s % 3_600 == 0 && s > 0 => string.Create(CultureInfo.InvariantCulture, $"{s / 3_600:0}h"),
        { TotalSeconds: var s } when s % 60 == 0 && s > 0 => string.Create(CultureInfo.InvariantCulture, $"{s / 60:0}m"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0}s"),
    };

    /// <summary>Reads <paramref name="text"/> as a duration in <paramref name="min"/>..<paramref name="max"/>, or adds a problem.</summary>
    public static TimeSpan Read(string option, string? text, TimeSpan fallback, TimeSpan min, TimeSpan max, Action<string> problem)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!TryParse(text, out var duration) || duration < min || duration > max)
        {
            problem($"{option} '{text}' must be a duration from {Format(min)} to {Format(max)}, like 90s, 15m, 1h or 7d");
            return fallback;
        }

        return duration;
    }

    [GeneratedRegex("^(?<n>[0-9]{1,12})(?<unit>[smhdSMHD]?)$")]
    private static partial Regex Pattern();
}
