using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>
/// Progressive downloads for players and tools that do not stream (a <c>&lt;video src&gt;</c>, a download link, a
/// podcast app): each CMAF video track muxed with the default audio track into an MP4, or for an audio-only source
/// the default audio track alone in an M4A; copied, not encoded again, by one ffmpeg for all of them.
/// </summary>
internal sealed class ProgressiveMaker(IFfmpegRunner runner)
{
    /// <summary>The audio-only source's progressive file (the default audio track).</summary>
    public const string AudioFileName = "audio.m4a";

    /// <summary>Makes every file of <paramref name="copies"/>; their paths, in that order.</summary>
    /// <param name="audioTrackPath">The default audio track each file carries; null for a source without sound.</param>
    public async Task<IReadOnlyList<string>> MakeAsync(IReadOnlyList<ProgressiveCopy> copies, string? audioTrackPath, CancellationToken cancellationToken)
    {
        if (copies.Count == 0)
        {
            return [];
        }

        var result = await runner.RunAsync(FfmpegTool.Ffmpeg, FfmpegArguments.ForProgressive(copies, audioTrackPath), null, cancellationToken);
        if (!result.Succeeded || copies.Any(c => !File.Exists(c.OutputPath)))
        {
            // The tracks are ours and were just checked: a copy that fails is the machine's trouble or a bug.
            var what = string.Join(", ", copies.Select(c => Path.GetFileName(c.OutputPath)));
            throw EncodeFailures.From($"the progressive {what}", result);
        }

        return [.. copies.Select(c => c.OutputPath)];
    }

    /// <summary>One file: see <see cref="MakeAsync(IReadOnlyList{ProgressiveCopy}, string?, CancellationToken)"/>.</summary>
    public async Task<string> MakeAsync(string? videoTrackPath, string? audioTrackPath, string outputPath, CancellationToken cancellationToken) =>
        (await MakeAsync([new ProgressiveCopy(videoTrackPath, outputPath)], audioTrackPath, cancellationToken))[0];
}
