using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>
/// Progressive downloads for players and tools that do not stream (a <c>&lt;video src&gt;</c>, a download link, a
/// podcast app): each CMAF video track muxed with the default audio track into an MP4, or for an audio-only source
/// the default audio track alone in an M4A; copied, not encoded again.
/// </summary>
internal sealed class ProgressiveMaker(IFfmpegRunner runner)
{
    /// <summary>The audio-only source's progressive file (the default audio track).</summary>
    public const string AudioFileName = "audio.m4a";

    /// <param name="videoTrackPath">The video track; null for the audio-only M4A.</param>
    public async Task<string> MakeAsync(string? videoTrackPath, string? audioTrackPath, string outputPath, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(
            FfmpegTool.Ffmpeg, FfmpegArguments.ForProgressive(videoTrackPath, audioTrackPath, outputPath), null, cancellationToken);
        if (!result.Succeeded || !File.Exists(outputPath))
        {
            // The tracks are ours and were just checked: a copy that fails is the machine's trouble or a bug.
            throw EncodeFailures.From($"the progressive {Path.GetFileName(outputPath)}", result);
        }

        return outputPath;
    }
}
