using System.Globalization;

namespace Transcoder.Bench.Job;

/// <summary>
/// The clips measured: the bundled sample, and clips generated once with ffmpeg's lavfi sources. Light noise makes
/// the encoders work as they do on camera footage (testsrc2 alone compresses unrealistically well); the bitrate is a
/// phone's (about 16 Mb/s at 1080p30, 45 at 2160p30, 60 at 2160p60), since decoding cost grows with it.
/// </summary>
internal static class BenchClip
{
    public static string Sample(string repositoryRoot) => Path.Combine(repositoryRoot, "samples", "sample-1080p.mp4");

    /// <summary>testsrc2 with light temporal noise and a tone, H.264 + AAC in MP4 at a phone's bitrate, kept in <paramref name="folder"/>.</summary>
    public static async Task<string> GeneratedAsync(string folder, int width, int height, int fps, int seconds)
    {
        var path = Path.Combine(folder, $"noise-{width}x{height}-{fps}fps-{seconds}s.mp4");
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        var duration = seconds.ToString(CultureInfo.InvariantCulture);
        var megabits = (long)width * height * fps < 1920L * 1080 * 60 ? 16 : width * height >= 3840 * 2160 && fps > 30 ? 60 : 45;
        var rate = string.Create(CultureInfo.InvariantCulture, $"{megabits}M");
        var buffer = string.Create(CultureInfo.InvariantCulture, $"{megabits * 2}M");
        await FfmpegProcess.RunAsync(
        [
            "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"testsrc2=size={width}x{height}:rate={fps}:duration={duration},noise=alls=8:allf=t"),
            "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={duration}",
            "-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-b:v", rate, "-maxrate", rate, "-bufsize", buffer, "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-ac", "2", "-movflags", "+faststart", path + ".partial.mp4",
        ]);
        File.Move(path + ".partial.mp4", path);
        return path;
    }
}
