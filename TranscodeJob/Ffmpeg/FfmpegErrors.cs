using System.Text.RegularExpressions;

namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>
/// Turns what ffmpeg or ffprobe wrote to stderr into one short line that names the cause and a detail for the log.
/// ffmpeg buries the cause: a 32768x16 MJPEG fails with 1,400 characters of swscaler warnings before
/// <c>invalid width x height (32768x16)</c>, and the last lines are always the same wrappers ("Conversion failed!").
/// </summary>
internal static partial class FfmpegErrors
{
    /// <summary>The longest cause put into a one-line message.</summary>
    public const int MaxCauseLength = 120;

    private const int MaxDetailLineLength = 500;

    // What ffmpeg prints around every failure, whatever its cause.
    private static readonly string[] Wrappers =
    [
        "Conversion failed", "Error while processing the decoded data", "Error while decoding stream", "Error initializing output stream",
        "Error reinitializing filters", "Failed to inject frame into filter network", "Error while filtering", "Nothing was written into output file",
        "Error marking filters as finished", "Error while opening encoder", "Could not open codec for input stream", "Failed to open codec in",
        "Task finished with error code", "Terminating thread with return code", "Error submitting", "Error sending frames to consumers",
    ];

    /// <summary>
    /// The error-level lines: <c>[error]</c>/<c>[fatal]</c> when ffmpeg wrote levels (<c>-loglevel level+warning</c>),
    /// else every line (ffprobe runs with <c>-v error</c>), without the context addresses, each cut to a sane length.
    /// </summary>
    public static IReadOnlyList<string> ErrorLines(IEnumerable<string> stderr)
    {
        var lines = stderr.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var leveled = lines.Any(l => LevelTag().IsMatch(l));
        return
        [
            .. lines
                .Where(l => !leveled || ErrorTag().IsMatch(l))
                .Select(l => Truncate(ErrorTag().Replace(ContextAddress().Replace(l, ""), "").Trim(), MaxDetailLineLength)),
        ];
    }

    /// <summary>Whether ffmpeg wrote the line at error level or worse (<c>-loglevel level+warning</c> tags every line).</summary>
    public static bool IsErrorLine(string line) => ErrorTag().IsMatch(line);

    /// <summary>
    /// The line that says what went wrong: a breach of the job's own limits first (named with its setting), then the
    /// first error that is not a wrapper, else the last line.
    /// </summary>
    public static string Cause(IReadOnlyList<string> errorLines)
    {
        if (errorLines.Count == 0)
        {
            return "no message";
        }

        if (LimitBreach(errorLines) is { } breach)
        {
            return breach;
        }

        var cause = errorLines.FirstOrDefault(l => !Wrappers.Any(w => l.Contains(w, StringComparison.OrdinalIgnoreCase))) ?? errorLines[^1];
        return Truncate(cause, MaxCauseLength);
    }

    /// <summary>
    /// The decoders' refusal of a picture over the pixel limit (<c>-max_pixels</c>), or the demuxer's of a stream over
    /// the stream limit, said in the job's words; null when the lines hold none. A stream can switch to a huge size after the part that was probed: the decoders
    /// refuse those pictures, and the job refuses the source rather than publish its first part.
    /// </summary>
    public static string? LimitBreach(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var match = MaxPixels().Match(line);
            if (match.Success)
            {
                return $"a picture of {match.Groups[1].Value} is over the limit of {match.Groups[2].Value} pixels ({Shared.JobEnvironment.MaxPixelsPerFrame})";
            }

            if (line.Contains("exceeds max_streams", StringComparison.Ordinal))
            {
                return $"it has more than {Limits.SourceLimits.MaxStreams} streams (the limit): not a recording the job encodes";
            }
        }

        return null;
    }

    /// <summary>The cause of a one-line text (lines joined by " | "), for tools whose output was already joined.</summary>
    public static string Cause(string joined) => Cause(ErrorLines(joined.Split(" | ")));

    /// <summary>The error lines as one block for the log and <c>failure.json</c>.</summary>
    public static string Detail(IEnumerable<string> stderr) => string.Join('\n', ErrorLines(stderr));

    /// <summary>A message without ffmpeg's context addresses (<c>[mov,mp4,… @ 0x5642…] </c>), which say nothing to anyone.</summary>
    public static string WithoutContextAddresses(string text) => ContextAddress().Replace(text, "");

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    [GeneratedRegex(@"Picture size (\d+x\d+) exceeds specified max pixel count (\d+)")]
    private static partial Regex MaxPixels();

    [GeneratedRegex(@"\[(error|fatal|panic)\] ?")]
    private static partial Regex ErrorTag();

    [GeneratedRegex(@"\[(warning|error|fatal|panic|info|verbose|debug)\]")]
    private static partial Regex LevelTag();

    [GeneratedRegex(@"\[[^\]]* @ 0x[0-9a-fA-F]+\] ")]
    private static partial Regex ContextAddress();
}
