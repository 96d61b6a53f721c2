using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>
/// What ffprobe says about a file, read independently of the product's own probe code, so a test checks the
/// output rather than the code that wrote it.
/// </summary>
internal sealed record MediaFacts(
    string VideoCodec,
    string Profile,
    int Width,
    int Height,
    string PixelFormat,
    string SampleAspectRatio,
    double Duration,
    double FrameRate,
    bool HasRotation,
    string? ColorTransfer,
    int AudioStreams,
    int AudioChannels)
{
    public static async Task<MediaFacts> ReadAsync(string path)
    {
        using var json = JsonDocument.Parse(await RunAsync(["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path]));
        var streams = json.RootElement.GetProperty("streams").EnumerateArray().ToList();
        var video = streams.First(s => s.GetProperty("codec_type").GetString() == "video");
        var audio = streams.Where(s => s.GetProperty("codec_type").GetString() == "audio").ToList();
        return new MediaFacts(
            video.GetProperty("codec_name").GetString()!,
            video.TryGetProperty("profile", out var profile) ? profile.GetString()! : "",
            video.GetProperty("width").GetInt32(),
            video.GetProperty("height").GetInt32(),
            video.GetProperty("pix_fmt").GetString()!,
            video.TryGetProperty("sample_aspect_ratio", out var sar) ? sar.GetString()! : "1:1",
            double.Parse(json.RootElement.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture),
            Rate(video.GetProperty("avg_frame_rate").GetString()!),
            video.TryGetProperty("side_data_list", out var sideData)
                && sideData.EnumerateArray().Any(d => d.TryGetProperty("rotation", out var r) && r.GetDouble() != 0),
            video.TryGetProperty("color_transfer", out var transfer) ? transfer.GetString() : null,
            audio.Count,
            audio.Count > 0 ? audio[0].GetProperty("channels").GetInt32() : 0);
    }

    /// <summary>The video stream's level as ffprobe reports it (for AV1: seq_level_idx).</summary>
    public static async Task<int> LevelAsync(string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = await RunAsync(["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=level", "-of", "csv=p=0", path]);
        return int.Parse(text.Trim().TrimEnd(','), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Timestamps (seconds) of the video keyframes, as the decoder flags them. Every frame is decoded: AV1's decoder
    /// (libdav1d) ignores <c>-skip_frame nokey</c> and would list every frame.
    /// </summary>
    public static async Task<IReadOnlyList<double>> KeyframeTimesAsync(string path)
    {
        var csv = await RunAsync(["-v", "error", "-select_streams", "v:0", "-show_entries", "frame=key_frame,pts_time", "-of", "csv=p=0", path]);
        return [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.TrimEnd(',').Split(','))
            .Where(fields => fields[0] == "1")
            .Select(fields => double.Parse(fields[1], CultureInfo.InvariantCulture))];
    }

    /// <summary>Every stream of a file as <c>codec_type:codec_name:channels</c> (channels empty but for audio), and its duration (0 for a picture).</summary>
    public static async Task<(IReadOnlyList<string> Streams, double Duration)> StreamsAsync(string path)
    {
        using var json = JsonDocument.Parse(await RunAsync(["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path]));
        var streams = json.RootElement.GetProperty("streams").EnumerateArray()
            .Select(s => $"{s.GetProperty("codec_type").GetString()}:{s.GetProperty("codec_name").GetString()}:{(s.TryGetProperty("channels", out var c) ? c.GetInt32() : null)}")
            .ToList();
        // A still image has no duration.
        return (streams, json.RootElement.GetProperty("format").TryGetProperty("duration", out var duration)
            ? double.Parse(duration.GetString()!, CultureInfo.InvariantCulture)
            : 0);
    }

    private static double Rate(string text)
    {
        var parts = text.Split('/');
        var denominator = double.Parse(parts[1], CultureInfo.InvariantCulture);
        return denominator == 0 ? 0 : double.Parse(parts[0], CultureInfo.InvariantCulture) / denominator;
    }

    private static async Task<string> RunAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffprobe failed on {arguments[^1]}: {errors}");
        }

        return await output;
    }
}
