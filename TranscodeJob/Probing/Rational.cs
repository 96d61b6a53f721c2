using System.Globalization;

namespace Transcoder.TranscodeJob.Probing;

/// <summary>A fraction as ffprobe prints it: <c>30000/1001</c> (frame rates) or <c>16:9</c> (aspect ratios).</summary>
internal readonly record struct Rational(long Numerator, long Denominator)
{
    public static readonly Rational One = new(1, 1);

    public bool IsPositive => Numerator > 0 && Denominator > 0;

    public double Value => Denominator == 0 ? 0 : (double)Numerator / Denominator;

    /// <summary>Zero (invalid) when the text is missing or malformed: ffprobe prints <c>0/0</c> for "unknown".</summary>
    public static Rational Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        var separator = text.IndexOfAny(['/', ':']);
        if (separator < 0)
        {
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? new(whole, 1) : default;
        }

        return long.TryParse(text.AsSpan(0, separator), NumberStyles.Integer, CultureInfo.InvariantCulture, out var numerator)
               && long.TryParse(text.AsSpan(separator + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var denominator)
            ? new(numerator, denominator)
            : default;
    }

    /// <summary>The form ffmpeg's <c>-r</c> accepts.</summary>
    public override string ToString() =>
        Denominator == 1
            ? Numerator.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
