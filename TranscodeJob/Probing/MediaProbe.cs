using System.Text;
using System.Text.RegularExpressions;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Probing;

/// <summary>Runs ffprobe and reads its JSON; for a source, also its packets, for the duration it really has.</summary>
internal sealed partial class MediaProbe(IFfmpegRunner runner)
{
    /// <summary>
    /// Probes an untrusted source: its streams from the header, then its real duration from a demux-only pass over its
    /// packets (no decoding). Anything that is not a readable video is bad input naming <paramref name="inputName"/>.
    /// </summary>
    public async Task<SourceMedia> ProbeSourceAsync(string path, string inputName, CancellationToken cancellationToken)
    {
        var header = await ProbeAsync(FfmpegArguments.ForProbe(path), path, inputName, cancellationToken);
        var scan = await ScanPacketsAsync(path, header, inputName, cancellationToken);
        var duration = ContentDuration.Resolve(header.DeclaredDuration, scan, inputName);
        var hold = duration - scan.LastVideoFrame;
        return header with
        {
            Duration = duration,
            LastFrameHold = hold > TimeSpan.Zero ? hold : TimeSpan.Zero,
        };
    }

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
            throw Failure(result, path, inputName, "is not a readable video");
        }

        return ProbeParser.Parse(json.ToString(), inputName);
    }

    private async Task<PacketScan> ScanPacketsAsync(string path, SourceMedia header, string inputName, CancellationToken cancellationToken)
    {
        var builder = new PacketScanBuilder(header.Video.Index, header.AudioStreams.Select(a => a.Index).ToHashSet());
        var result = await runner.RunAsync(FfmpegTool.Ffprobe, FfmpegArguments.ForPacketScan(path), builder.Push, cancellationToken);
        if (result.EndedBySignal)
        {
            throw Failure(result, path, inputName, "could not be read");
        }

        // A non-zero exit or error lines after a clean header: the demuxer hit damage (a cut-off file). What was read
        // still counts; ContentDuration decides whether it is enough.
        return builder.Build([.. result.StderrTail.Select(line => Clean(line, path))]);
    }

    private static JobException Failure(FfmpegResult result, string path, string inputName, string what)
    {
        var message = Clean(result.Describe(), path);
        // ffprobe killed by a signal (out of memory, a crash) says nothing about the input: retry, never delete.
        return result.EndedBySignal
            ? JobException.Transient($"ffprobe was killed reading {inputName} (exit {result.ExitCode}): {message}")
            : JobException.BadInput($"{inputName} {what}: {message}");
    }

    // ffprobe prefixes its messages with the file URL, a temporary path the user never saw, and with the demuxer's
    // context address ("[mov,mp4,… @ 0x5642…] "), which says nothing to anyone.
    private static string Clean(string text, string path) =>
        ContextAddress().Replace(text.Replace(FfmpegArguments.FileUrl(path) + ": ", "", StringComparison.Ordinal), "");

    [GeneratedRegex(@"\[[^\]]* @ 0x[0-9a-fA-F]+\] ")]
    private static partial Regex ContextAddress();
}
