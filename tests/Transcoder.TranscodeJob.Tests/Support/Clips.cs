using System.Collections.Concurrent;
using System.Diagnostics;

namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>
/// Small clips made by real ffmpeg from its lavfi sources, once per test run: a second or two at low resolution
/// exercises the same code paths as a feature film.
/// </summary>
internal static partial class Clips
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"transcoder-clips-{Environment.ProcessId}");
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Made = new();

    public const double DefaultSeconds = 1.5;

    /// <summary>320x180 at 25 fps with a stereo tone.</summary>
    public static Task<string> Landscape() => Make("landscape.mp4",
        Video("320x180", 25, DefaultSeconds), Tone(DefaultSeconds), ["-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-ac", "2"]);

    /// <summary>Coded 320x180 with a quarter-turn display matrix: a phone held upright, shown 180x320.</summary>
    public static async Task<string> RotatedPortrait()
    {
        var landscape = await Landscape();
        return await Make("rotated.mp4", ["-i", landscape], [], ["-map", "0", "-c", "copy", "-metadata:s:v:0", "rotate=90"]);
    }

    /// <summary>321x241: odd both ways, stored lossless in Matroska (x264 with 4:2:0 cannot take odd sizes).</summary>
    public static Task<string> OddSize() => Make("odd.mkv",
        Video("321x241", 25, DefaultSeconds), Tone(DefaultSeconds), ["-map", "0:v", "-map", "1:a", "-c:v", "ffv1", "-c:a", "flac"]);

    public static Task<string> NoAudio() => Make("silent.mp4",
        Video("320x180", 25, DefaultSeconds), [], ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);

    /// <summary>10-bit 4:2:2 (High 4:2:2), as from a camera or an editing suite.</summary>
    public static Task<string> TenBit422() => Make("tenbit422.mp4",
        Video("320x180", 25, DefaultSeconds), Tone(DefaultSeconds), ["-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv422p10le", "-c:a", "aac"]);

    /// <summary>HDR10: 10-bit HEVC tagged BT.2020 primaries and PQ transfer.</summary>
    public static Task<string> Hdr10() => Make("hdr10.mp4",
        Video("320x180", 25, DefaultSeconds), [],
        ["-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-pix_fmt", "yuv420p10le",
         "-color_primaries", "bt2020", "-color_trc", "smpte2084", "-colorspace", "bt2020nc", "-tag:v", "hvc1"]);

    public static Task<string> HalfSecond() => Make("half-second.mp4",
        Video("320x180", 25, 0.5), Tone(0.5), ["-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"]);

    /// <summary>360x240 with 32:27 pixels: shown 427x240 (16:9), like a widescreen DVD.</summary>
    public static Task<string> Anamorphic() => Make("anamorphic.mp4",
        ["-f", "lavfi", "-i", $"testsrc2=size=360x240:rate=25:duration={DefaultSeconds}"], [],
        ["-vf", "setsar=32/27", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);

    /// <summary>Two audio tracks; the second is the default one.</summary>
    public static Task<string> TwoAudioTracks() => Make("two-audio.mkv",
        [.. Video("320x180", 25, DefaultSeconds), "-f", "lavfi", "-i", $"sine=frequency=220:sample_rate=48000:duration={DefaultSeconds}"],
        Tone(DefaultSeconds),
        ["-map", "0:v", "-map", "1:a", "-map", "2:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
         "-c:a", "aac", "-ac:a:1", "6", "-disposition:a:0", "0", "-disposition:a:1", "default"]);

    public static Task<string> HighFrameRate() => Make("hfr.mp4",
        Video("320x180", 120, 1), [], ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);

    public static Task<string> Interlaced() => Make("interlaced.mp4",
        Video("320x180", 25, DefaultSeconds), [], ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-flags", "+ildct+ilme", "-x264-params", "tff=1"]);

    /// <summary>An AV1 CMAF-style track (fragmented, one fragment per keyframe), as the AV1 rungs are written.</summary>
    public static Task<string> Av1Track() => Make("av1.cmfv",
        Video("160x96", 25, DefaultSeconds), [], ["-c:v", "libsvtav1", "-preset", "12", "-g", "25", "-f", "mp4", "-movflags", "+frag_keyframe+empty_moov+default_base_moof"]);

    /// <summary>4.5 s: long enough for keyframes at 0, 2 and 4 s.</summary>
    public static Task<string> FourAndAHalfSeconds() => Make("long.mp4",
        Video("320x180", 30, 4.5), Tone(4.5), ["-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"]);

    /// <summary>A video long enough to interrupt mid-encode (slow preset, 10 s).</summary>
    public static Task<string> SlowToEncode() => Make("slow.mp4",
        Video("640x360", 30, 10), Tone(10), ["-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"]);

    /// <summary>
    /// 12 s at 30000/1001 fps (2 s is 59.94 frames) with a keyframe every 250 frames and B-frames: a long source in
    /// miniature, cut into chunks whose starts fall between the source's own keyframes.
    /// </summary>
    public static Task<string> NtscLongGop() => Ntsc("ntsc-long-gop.mp4", 12, 250);

    /// <summary>
    /// The same in Matroska, as ffmpeg writes it: the AAC encoder's priming moves the sound's start 21 ms before the
    /// picture's, so the picture's first frame is 21 ms in (half a frame: the constant-rate conversion starts it one frame
    /// late, and repeats it once).
    /// </summary>
    public static Task<string> NtscLongGopMatroska() => Ntsc("ntsc-long-gop.mkv", 12, 250);

    /// <summary>
    /// The same in MPEG-TS, as a broadcast capture comes: no index, so a seek lands on whatever frame is at or before the
    /// time asked (not a keyframe), and its clock starts 1.4 s in.
    /// </summary>
    public static Task<string> NtscLongGopTransportStream() => Ntsc("ntsc-long-gop.ts", 12, 250);

    /// <summary>18 s of MPEG-TS with one keyframe, as x264 writes a short clip: a seek 12 s in reads from 12 s before it.</summary>
    public static Task<string> NtscOneKeyframeTransportStream() => Ntsc("ntsc-one-keyframe.ts", 18, 600);

    /// <summary>
    /// <paramref name="seconds"/> of 320x180 at 30000/1001 fps with a stereo tone, a keyframe every <paramref name="gop"/>
    /// frames and B-frames, in the container <paramref name="name"/>'s extension names.
    /// </summary>
    private static Task<string> Ntsc(string name, int seconds, int gop) => Make(name,
        ["-f", "lavfi", "-i", FormattableString.Invariant($"testsrc2=size=320x180:rate=30000/1001:duration={seconds}")], Tone(seconds),
        ["-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-g", FormattableString.Invariant($"{gop}"), "-bf", "3", "-pix_fmt", "yuv420p", "-c:a", "aac", "-ac", "2"]);

    /// <summary>A transport stream whose picture (3 s) starts half a second after its sound (3.5 s), as a capture's can.</summary>
    public static Task<string> TransportStreamPictureLate() => Make("picture-late.ts",
        ["-itsoffset", "0.5", .. Video("320x180", 25, 3)], Tone(3.5),
        ["-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-ac", "2"]);

    /// <summary>320x180 with three seconds of a stereo tone at about −19 LUFS: long enough for EBU R128's gates.</summary>
    public static Task<string> ThreeSecondsOfTone() => Make("tone-3s.mp4",
        Video("320x180", 25, 3), Tone(3), ["-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-ac", "2"]);

    public static Task<string> AudioOnly() => Make("audio-only.m4a", Tone(DefaultSeconds), [], ["-c:a", "aac"]);

    /// <summary>The landscape clip cut at 40%, with its index (moov) at the end: the index is gone.</summary>
    public static async Task<string> Truncated()
    {
        var whole = await Make("moov-at-end.mp4", Video("320x180", 25, DefaultSeconds), Tone(DefaultSeconds),
            ["-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"]);
        return await MakeFile("truncated.mp4", path =>
        {
            var bytes = File.ReadAllBytes(whole);
            File.WriteAllBytes(path, bytes[..(int)(bytes.Length * 0.4)]);
        });
    }

    public static Task<string> ZeroBytes() => MakeFile("empty.mp4", path => File.WriteAllBytes(path, []));

    public static Task<string> TextFile() => MakeFile("notes.mp4", path => File.WriteAllText(path, "These are meeting notes, not a video.\n"));

    private static string[] Video(string size, int rate, double seconds) =>
        ["-f", "lavfi", "-i", FormattableString.Invariant($"testsrc2=size={size}:rate={rate}:duration={seconds}")];

    private static string[] Tone(double seconds) =>
        ["-f", "lavfi", "-i", FormattableString.Invariant($"sine=frequency=440:sample_rate=48000:duration={seconds}")];

    private static Task<string> Make(string name, string[] inputs, string[] moreInputs, string[] outputOptions) =>
        Made.GetOrAdd(name, _ => new Lazy<Task<string>>(async () =>
        {
            Directory.CreateDirectory(Folder);
            var path = Path.Combine(Folder, name);
            var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in (string[])["-hide_banner", "-loglevel", "error", "-y", .. inputs, .. moreInputs, .. outputOptions, path])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"making clip {name} failed: {errors}");
            }

            return path;
        })).Value;

    private static Task<string> MakeFile(string name, Action<string> write) =>
        Made.GetOrAdd(name, _ => new Lazy<Task<string>>(() =>
        {
            Directory.CreateDirectory(Folder);
            var path = Path.Combine(Folder, name);
            write(path);
            return Task.FromResult(path);
        })).Value;

    /// <summary>Removes the clips; called once at the end of the test run.</summary>
    public static void DeleteAll()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
