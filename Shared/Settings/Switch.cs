namespace Transcoder.Shared.Settings;

/// <summary>
/// The one reading of an on/off setting in both executables: <c>true/false</c>, <c>1/0</c>, <c>yes/no</c>,
/// <c>on/off</c>, in any letter case. Anything else is an error rather than a silent "off": <c>VERBOSE=ture</c>
/// should say so.
/// </summary>
public static class Switch
{
    /// <summary>The accepted words, for error lines and the docs.</summary>
    public const string Words = "true/false, 1/0, yes/no, on/off";

    /// <summary>Whether <paramref name="text"/> is a switch word, and which way it points.</summary>
    public static bool TryParse(string? text, out bool value)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "on":
                value = true;
                return true;
            case "false" or "0" or "no" or "off":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
