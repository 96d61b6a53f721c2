using Microsoft.Extensions.Configuration;

namespace Transcoder.Dispatcher.Options;

/// <summary>Reads typed settings and collects every problem, so that start-up reports all of them at once.</summary>
internal sealed class SettingReader(IConfiguration configuration)
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public void Error(string message) => _errors.Add(message);

    public string? Text(string name) => configuration[name] is { } value && value.Trim().Length > 0 ? value.Trim() : null;

    public string Required(string name, string why)
    {
        var value = Text(name);
        if (value is null)
        {
            _errors.Add($"{name} is required ({why})");
        }

        return value ?? string.Empty;
    }

    public int Integer(string name, int fallback, int min, int max)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            _errors.Add($"{name} must be a whole number from {min} to {max}, not '{text}'");
            return fallback;
        }

        return value;
    }

    public IReadOnlyList<string> List(string name) =>
        Text(name)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    public bool Flag(string name) => Text(name) is { } text && (text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase));
}
