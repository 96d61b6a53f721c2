using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>Decides what an ffmpeg failure on a source that probed fine means.</summary>
internal static class EncodeFailures
{
    public static JobException From(string what, FfmpegResult result)
    {
        var detail = $"ffmpeg failed on {what} (exit {result.ExitCode}): {result.Describe()}";

        // A full disk or a process killed from outside (OOM killer: 137) says nothing about the input.
        var machineTrouble = result.EndedBySignal
                             || result.StderrTail.Any(l => l.Contains("No space left on device", StringComparison.Ordinal)
                                                           || l.Contains("Cannot allocate memory", StringComparison.Ordinal));
        return machineTrouble ? JobException.Transient(detail) : JobException.BadInput(detail);
    }
}
