using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>Decides what an ffmpeg failure on a source that probed fine means.</summary>
internal static class EncodeFailures
{
    /// <summary>
    /// Throws what a finished run means when it did not deliver: a failure, or a run that ended well only because
    /// the decoders refused the pictures over the pixel limit (a stream that switches to 16000x16000 mid-stream).
    /// </summary>
    public static void ThrowIfFailed(string what, FfmpegResult result)
    {
        if (!result.Succeeded)
        {
            throw From(what, result);
        }

        if (FfmpegErrors.LimitBreach(result.FirstErrors) is { } breach)
        {
            throw JobException.BadInput($"the source's pictures grow mid-stream beyond the limit: {breach}", detail: string.Join('\n', result.FirstErrors));
        }
    }

    public static JobException From(string what, FfmpegResult result)
    {
        var errors = FfmpegErrors.ErrorLines(result.FirstErrors.Concat(result.StderrTail).Distinct());
        var detail = string.Join('\n', errors);
        if (result.StderrTail.Any(l => l.Contains("No space left on device", StringComparison.Ordinal)))
        {
            // A full disk says nothing about the input.
            return JobException.Transient($"ffmpeg ran out of disk space on {what}", detail: detail);
        }

        // Killed from outside (the OOM killer's 137), a crash, or an allocation over the limit: the machine's trouble
        // once, the input's when it happens again (see OutOfResources).
        if (result.EndedBySignal || result.StderrTail.Any(l => l.Contains("Cannot allocate memory", StringComparison.Ordinal)))
        {
            return JobException.OutOfResources(
                result.EndedBySignal
                    ? $"ffmpeg was killed on {what} (exit {result.ExitCode}: out of memory or a crash)"
                    : $"ffmpeg ran out of memory on {what}: {FfmpegErrors.Cause(errors)}",
                detail);
        }

        return JobException.BadInput($"ffmpeg failed on {what}: {FfmpegErrors.Cause(errors)}", detail: detail);
    }
}
