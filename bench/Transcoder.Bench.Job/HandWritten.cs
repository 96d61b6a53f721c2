using System.Globalization;

namespace Transcoder.Bench.Job;

/// <summary>
/// What a user would run instead of the job, with the job's encoder settings: the naive one ffmpeg per rung, and the
/// single ffmpeg that decodes once and splits to every rung. Both write faststart MP4s with AAC in each, as a
/// hand-written script would (bench/README.md, the naive and single columns).
/// </summary>
internal static class HandWritten
{
    /// <summary>The default ladder's rungs: size, video kb/s, audio kb/s.</summary>
    private static readonly (int Width, int Height, int VideoKbps, int AudioKbps)[] Rungs =
        [(1920, 1080, 6000, 128), (1280, 720, 3000, 128), (854, 480, 1500, 96), (640, 360, 800, 96)];

    public static async Task NaiveAsync(string source, double fps, string folder)
    {
        foreach (var rung in Rungs)
        {
            await FfmpegProcess.RunAsync(
            [
                "-y", "-v", "error", "-i", source, "-map", "0:v:0", "-map", "0:a:0?",
                "-vf", Invariant($"scale={rung.Width}:{rung.Height},format=yuv420p,setsar=1"),
                .. Encoder(rung, fps), Path.Combine(folder, Invariant($"n-{rung.Height}.mp4")),
            ]);
        }
    }

    public static Task SingleAsync(string source, double fps, string folder)
    {
        var graph = Invariant($"[0:v]split={Rungs.Length}") + string.Concat(Rungs.Select((_, i) => Invariant($"[s{i}]"))) + ";"
                    + string.Join(';', Rungs.Select((r, i) => Invariant($"[s{i}]scale={r.Width}:{r.Height},format=yuv420p,setsar=1[o{i}]")));
        var arguments = new List<string> { "-y", "-v", "error", "-i", source, "-filter_complex", graph };
        for (var i = 0; i < Rungs.Length; i++)
        {
            arguments.AddRange(["-map", Invariant($"[o{i}]"), "-map", "0:a:0?", .. Encoder(Rungs[i], fps), Path.Combine(folder, Invariant($"s-{Rungs[i].Height}.mp4"))]);
        }

        return FfmpegProcess.RunAsync(arguments);
    }

    private static string[] Encoder((int Width, int Height, int VideoKbps, int AudioKbps) rung, double fps)
    {
        var gop = Invariant($"{Math.Round(fps * 2)}");
        return
        [
            "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-crf", "23",
            "-maxrate", Invariant($"{rung.VideoKbps}k"), "-bufsize", Invariant($"{rung.VideoKbps * 2}k"),
            "-g", gop, "-keyint_min", gop, "-sc_threshold", "0",
            "-c:a", "aac", "-b:a", Invariant($"{rung.AudioKbps}k"), "-ac", "2", "-ar", "48000", "-movflags", "+faststart",
        ];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
