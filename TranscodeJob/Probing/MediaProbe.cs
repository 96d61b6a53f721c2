using System.Text;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Probing;

/// <summary>Runs ffprobe and reads its JSON.</summary>
public sealed class MediaProbe(IFfmpegRunner runner)
{
    /// <summary>Probes an untrusted source. Anything that is not a readable video is bad input naming <paramref name="inputName"/>.</summary>
    public Task<SourceMedia> ProbeSourceAsync(string path, string inputName, CancellationToken cancellationToken) =>
        ProbeAsync(FfmpegArguments.ForProbe(path), path, inputName, cancellationToken);

    /// <summary>Probes an output the job wrote, to check it and to describe it in the manifest.</summary>
    public Task<SourceMedia> ProbeOutputAsync(string path, CancellationToken cancellationToken) =>
        ProbeAsync(FfmpegArguments.ForOutputProbe(path), path, Path.GetFileName(path), cancellationToken);

    private async Task<SourceMedia> ProbeAsync(
        IReadOnlyList<string> arguments, string path, string inputName, CancellationToken cancellationToken)
    {
        var json = new StringBuilder();
        var result = await runner.RunAsync(FfmpegTool.Ffprobe, arguments, line => json.AppendLine(line), cancellationToken);
        if (!result.Succeeded)
        {
            // ffprobe prefixes its message with the file URL, a temporary path the user never saw.
            var message = result.Describe().Replace(FfmpegArguments.FileUrl(path) + ": ", "", StringComparison.Ordinal);
            throw JobException.BadInput($"{inputName} is not a readable video: {message}");
        }

        return ProbeParser.Parse(json.ToString(), inputName);
    }
}
