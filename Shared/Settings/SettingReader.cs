using System.Globalization;

namespace Transcoder.Shared.Settings;

/// <summary>
/// Reads typed settings by name and collects every problem, so that start-up reports all of them at once. The one
/// reader of both executables: the dispatcher reads its configuration with it, the job its environment (with the
/// command line mapped onto the same names), and <see cref="Jobs.JobSpec"/> the hand-off between them.
/// </summary>
/// <param name="lookup">The raw value of a setting, or null when it is not set.</param>
public sealed class SettingReader(Func<string, string?> lookup)
{
    private readonly List<string> _errors = [];

    /// <summary>A reader over a snapshot of names and values (an environment).</summary>
    public SettingReader(IReadOnlyDictionary<string, string> values)
        : this(name => values.TryGetValue(name, out var value) ? value : null)
    {
    }

    /// <summary>Every problem found so far, in the order found.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Records a problem that a caller found itself (two settings that disagree, say).</summary>
    public void Error(string message) => _errors.Add(message);

    /// <summary>The trimmed value, or null when unset or blank: a blank variable means "not set".</summary>
    public string? Text(string name) => lookup(name) is { } value && value.Trim().Length > 0 ? value.Trim() : null;

    /// <summary>The value as given (untrimmed), or null when unset or blank: for keys, where spaces are data.</summary>
    public string? Raw(string name) => lookup(name) is { } value && value.Trim().Length > 0 ? value : null;

    /// <summary>The value exactly as given, blank or not; null only when the setting is absent.</summary>
    public string? Exact(string name) => lookup(name);

    /// <summary>The trimmed value; a problem naming <paramref name="why"/> when it is missing.</summary>
    public string Required(string name, string why)
    {
        var value = Text(name);
        if (value is null)
        {
            _errors.Add($"{name} is required ({why})");
        }

        return value ?? string.Empty;
    }

    /// <summary>A whole number in <paramref name="min"/>..<paramref name="max"/>, or <paramref name="fallback"/> when unset.</summary>
    public int Integer(string name, int fallback, int min, int max) => OptionalInteger(name, min, max) ?? fallback;

    /// <summary>A whole number in <paramref name="min"/>..<paramref name="max"/>, or null when unset (or wrong: then a problem).</summary>
    public int? OptionalInteger(string name, int min, int max) => (int?)OptionalLong(name, min, max);

    /// <summary>A whole number that may exceed <see cref="int.MaxValue"/>, or <paramref name="fallback"/> when unset.</summary>
    public long Long(string name, long fallback, long min, long max) => OptionalLong(name, min, max) ?? fallback;

    private long? OptionalLong(string name, long min, long max)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            _errors.Add(string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {min} to {max}, not '{text}'"));
            return null;
        }

        return value;
    }

    /// <summary>A comma list, entries trimmed, empty entries dropped; empty when unset.</summary>
    public IReadOnlyList<string> List(string name) =>
        Text(name)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>An on/off switch (see <see cref="Switch"/>), or <paramref name="fallback"/> when unset or not a switch word.</summary>
    public bool Flag(string name, bool fallback)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        if (Switch.TryParse(text, out var value))
        {
            return value;
        }

        _errors.Add($"{name} must be one of {Switch.Words}, not '{text}'");
        return fallback;
    }

    /// <summary>One of <paramref name="choices"/> (any letter case, returned lower-case), or <paramref name="fallback"/> when unset.</summary>
    public string Choice(string name, string fallback, params string[] choices)
    {
        var text = Text(name)?.ToLowerInvariant();
        if (text is null)
        {
            return fallback;
        }

        if (choices.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        _errors.Add($"{name} must be {string.Join(" or ", choices.Select(c => $"'{c}'"))}, not '{text}'");
        return fallback;
    }
}
