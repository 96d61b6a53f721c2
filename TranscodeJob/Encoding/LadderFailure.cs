using System.Text.RegularExpressions;
using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>Names the output a single-pass ffmpeg failed on, from the output index its messages carry.</summary>
internal static partial class LadderFailure
{
    /// <param name="outputNames">The outputs in ffmpeg's output-file order.</param>
    public static string Name(FfmpegResult result, IReadOnlyList<string> outputNames)
    {
        foreach (var line in result.StderrTail)
        {
            var match = OutputIndex().Match(line);
            if (match.Success && int.TryParse(match.Groups[1].ValueSpan, out var index) && index < outputNames.Count)
            {
                return outputNames[index];
            }
        }

        // No index in the message (a decoder or filter error): every output stopped with it.
        return "the ladder (--encode-mode per-rendition isolates a failing rendition)";
    }

    // ffmpeg names outputs "output stream #1:0", "Output #1" or "output file #1".
    [GeneratedRegex(@"[Oo]utput (?:stream |file )?#(\d+)")]
    private static partial Regex OutputIndex();
}
