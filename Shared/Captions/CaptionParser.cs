using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Transcoder.Shared.Captions;

/// <summary>
/// Reads a caption file an uploader sent (WebVTT or SubRip) into cues, strictly: a file that is not UTF-8, has a
/// broken timestamp, a cue that ends before it starts, or cues out of order is refused with one line naming the file
/// and the line (<see cref="CaptionFormatException"/>), never half-read. The client runs it before uploading, the job
/// when it attaches the file, so both refuse the same files with the same words.
/// </summary>
public static partial class CaptionParser
{
    /// <summary>The largest caption file read, in bytes: a feature film's subtitles take about 100 KB.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The most cues a file may hold: four hours at one cue every 0.7 s.</summary>
    public const int MaxCues = 20_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The cues of <paramref name="bytes"/>, read as <paramref name="format"/>.</summary>
    /// <param name="name">The file's name, for the error lines.</param>
    /// <param name="requireOrder">Whether cues out of order are an error (an uploader's file) or are sorted (a track
    /// ffmpeg extracted, whose events a source may store in any order).</param>
    public static IReadOnlyList<Cue> Parse(ReadOnlySpan<byte> bytes, CaptionFormat format, string name, bool requireOrder = true)
    {
        if (bytes.Length > MaxBytes)
        {
            throw TooLarge(name, bytes.Length);
        }

        var reader = new CaptionReader(Decode(bytes, name).Split('\n'), name, requireOrder);
        var cues = format == CaptionFormat.WebVtt ? reader.WebVtt() : reader.SubRip();
        return requireOrder ? cues : [.. cues.OrderBy(c => c.Start)];
    }

    /// <summary>The error of a file larger than <see cref="MaxBytes"/>, for a reader that did not fetch it.</summary>
    public static CaptionFormatException TooLarge(string name, long size) =>
        new($"{name} is {size} bytes, over the {MaxBytes / (1024 * 1024)} MiB a caption file may have");

    private static string Decode(ReadOnlySpan<byte> bytes, string name)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            var at = Math.Clamp(exception.Index, 0, bytes.Length);
            throw new CaptionFormatException(
                $"{name} line {LineAt(bytes, at)}: not UTF-8 text (byte 0x{bytes[Math.Min(at, bytes.Length - 1)]:X2}); save the file as UTF-8");
        }

        if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
        {
            throw new CaptionFormatException($"{name} line {text[..nul].Count(c => c == '\n') + 1}: a NUL character: not a text file");
        }

        return text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int index) => bytes[..index].Count((byte)'\n') + 1;

    /// <summary>A timestamp: WebVTT's <c>[hh:]mm:ss.ttt</c>, or SubRip's <c>hh:mm:ss,ttt</c> (a dot tolerated).</summary>
    internal static bool TryParseTime(string text, CaptionFormat format, out TimeSpan time)
    {
        time = default;
        var match = (format == CaptionFormat.WebVtt ? VttTime() : SrtTime()).Match(text);
        if (!match.Success)
        {
            return false;
        }

        var hours = match.Groups["h"].Success ? long.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var seconds = int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture);
        var millis = int.Parse(match.Groups["f"].Value, CultureInfo.InvariantCulture);
        if (minutes > 59 || seconds > 59 || hours > 99_999)
        {
            return false;
        }

        time = new TimeSpan(0, (int)hours, minutes, seconds, millis);
        return true;
    }

    [GeneratedRegex(@"^(?:(?<h>\d{2,5}):)?(?<m>\d{2}):(?<s>\d{2})\.(?<f>\d{3})$")]
    private static partial Regex VttTime();

    [GeneratedRegex(@"^(?<h>\d{1,5}):(?<m>\d{2}):(?<s>\d{2})[,.](?<f>\d{3})$")]
    private static partial Regex SrtTime();

    [GeneratedRegex(@"^(?<start>\S+)[ \t]+-->[ \t]+(?<end>\S+)(?<settings>[ \t].*)?$")]
    internal static partial Regex TimingLine();
}
