using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>
/// Progressive-download MP4s for players and tools that do not stream (a <c>&lt;video src&gt;</c>, a download
/// link): each CMAF video track muxed with the audio track, copied, not encoded again.
/// </summary>
internal sealed class ProgressiveMaker(IFfmpegRunner runner)
{
    public async Task<string> MakeAsync(EncodedRendition rendition, string? audioPath, string outputPath, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(
            FfmpegTool.Ffmpeg, FfmpegArguments.ForProgressive(rendition.Path, audioPath, outputPath), null, cancellationToken);
        if (!result.Succeeded || !File.Exists(outputPath))
        {
            // The tracks are ours and were just checked: a copy that fails is the machine's trouble or a bug.
            throw EncodeFailures.From($"the progressive {rendition.Plan.FileName}", result);
        }

        return outputPath;
    }
}
