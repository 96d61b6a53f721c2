namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>Runs ffmpeg or ffprobe with an argument list. The one boundary to the media tools.</summary>
internal interface IFfmpegRunner
{
    /// <param name="onOutputLine">Called for each stdout line as it arrives (progress, JSON), never buffered whole.</param>
    /// <param name="cancellationToken">
    /// Cancellation stops the tool gracefully (SIGINT, so ffmpeg closes its files), then kills it after a grace period.
    /// </param>
    Task<FfmpegResult> RunAsync(
        FfmpegTool tool,
        IReadOnlyList<string> arguments,
        Action<string>? onOutputLine,
        CancellationToken cancellationToken);
}
