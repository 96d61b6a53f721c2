using System.Globalization;
using System.Text;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Limits;

namespace Transcoder.TranscodeJob.Probing;

/// <summary>Runs ffprobe and reads its JSON; for a source, also its packets, for the duration it really has.</summary>
internal sealed class MediaProbe(IFfmpegRunner runner)
{
    /// <summary>
    /// Probes an untrusted source: how many streams of which kind it has (before any frame is decoded), its streams
    /// from the header, then its real timing from a demux-only pass over its packets. Anything that is not a readable
    /// video is bad input naming <paramref name="inputName"/>.
    /// </summary>
    public async Task<SourceMedia> ProbeSourceAsync(SourceInput input, string inputName, CancellationToken cancellationToken)
    {
        await CheckInventoryAsync(input, inputName, cancellationToken);
        var header = await ProbeAsync(FfmpegArguments.ForProbe(input), input.Path, inputName, cancellationToken);
        var scan = await ScanPacketsAsync(input, header, inputName, cancellationToken);

        // The container's duration covers every stream, subtitles included; it may only stand for the picture and
        // the sound when no other stream reaches past their packets.
        var declared = header.KeptStreamsDeclaredDuration ?? (scan.OtherStreamsEnd is null ? header.DeclaredDuration : null);
        var duration = ContentDuration.Resolve(declared, scan, header.IsAudioOnly, inputName);
        var hold = duration - scan.LastVideoFrame;
        return header with
        {
            Duration = duration,
            LastFrameHold = hold > TimeSpan.Zero ? hold : TimeSpan.Zero,
            Packets = scan,
        };
    }

    /// <summary>Probes an output the job wrote, to check it and to describe it in the manifest.</summary>
    public Task<SourceMedia> ProbeOutputAsync(string path, CancellationToken cancellationToken) =>
        ProbeAsync(FfmpegArguments.ForOutputProbe(path), path, Path.GetFileName(path), cancellationToken);

    // ffprobe decodes a few frames of every video stream while it finds stream info, and holds a decoder for each:
    // a 119 KB file of 200 4K tracks took it past 4 GiB. The kinds are counted first, with no frame decoded.
    private async Task CheckInventoryAsync(SourceInput input, string inputName, CancellationToken cancellationToken)
    {
        var kinds = new List<(string Kind, bool CoverArt)>();
        var result = await runner.RunAsync(FfmpegTool.Ffprobe, FfmpegArguments.ForInventory(input), line =>
        {
            var fields = line.Split(',');
            if (fields.Length >= 3)
            {
                kinds.Add((fields[1], fields[2] == "1"));
            }
        }, cancellationToken);
        if (!result.Succeeded)
        {
            throw Failure(result, input.Path, inputName, "is not a readable video");
        }

        if (kinds.Count > SourceLimits.MaxStreams)
        {
            throw JobException.BadInput(Invariant($"{inputName} has more than {SourceLimits.MaxStreams} streams (the limit): not a recording the job encodes"));
        }

        var videos = kinds.Count(k => k is { Kind: "video", CoverArt: false });
        if (videos > SourceLimits.MaxVideoStreams)
        {
            throw JobException.BadInput(Invariant($"{inputName} has {videos} video streams, over the limit of {SourceLimits.MaxVideoStreams}: the job encodes one"));
        }
    }

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

    private async Task<PacketScan> ScanPacketsAsync(SourceInput input, SourceMedia header, string inputName, CancellationToken cancellationToken)
    {
        // The timing is the video's and the main audio's (every audio stream's when there is no video): other audio
        // tracks, subtitles and data only show where they end.
        var videoIndex = header.Video?.Index ?? -1;
        var builder = new PacketScanBuilder(videoIndex, header.TimingStreams.Where(i => i != videoIndex).ToHashSet());
        var result = await runner.RunAsync(FfmpegTool.Ffprobe, FfmpegArguments.ForPacketScan(input), builder.Push, cancellationToken);
        if (result.EndedBySignal)
        {
            throw Failure(result, input.Path, inputName, "could not be read");
        }

        // A non-zero exit or error lines after a clean header: the demuxer hit damage (a cut-off file). What was read
        // still counts; ContentDuration decides whether it is enough.
        return builder.Build([.. result.StderrTail.Select(line => Clean(line, input.Path))]);
    }

    private static JobException Failure(FfmpegResult result, string path, string inputName, string what)
    {
        var message = Clean(result.Describe(), path);
        // ffprobe killed by a signal (out of memory, a crash) says nothing about the input by itself: retry, never delete.
        return result.EndedBySignal
            ? JobException.OutOfResources($"ffprobe was killed reading {inputName} (exit {result.ExitCode}: out of memory or a crash)", message)
            : JobException.BadInput($"{inputName} {what}: {FfmpegErrors.Cause(message)}", detail: message);
    }

    // ffprobe prefixes its messages with the file URL, a temporary path the user never saw, and with the demuxer's
    // context address ("[mov,mp4,… @ 0x5642…] "), which says nothing to anyone.
    private static string Clean(string text, string path) =>
        FfmpegErrors.WithoutContextAddresses(text.Replace(FfmpegArguments.FileUrl(path) + ": ", "", StringComparison.Ordinal));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
