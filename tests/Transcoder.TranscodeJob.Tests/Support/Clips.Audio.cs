namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>Sources with several audio tracks, and audio-only uploads: a podcast's MP3, an M4A, a voice memo, music.</summary>
internal static partial class Clips
{
    /// <summary>
    /// 320x180, 3 s (long enough for EBU R128's gates), with four audio tracks: English (default, a 440 Hz tone in
    /// stereo), French (mono, quieter, 330 Hz), German 5.1 (550 Hz) and English audio description (mono, 660 Hz, no
    /// title).
    /// </summary>
    public static Task<string> ThreeLanguagesAndDescription() => Make("three-languages.mkv",
        [.. Video("320x180", 25, 3), .. Sine(440, 3), .. Sine(330, 3, 0.3), .. Sine(550, 3), .. Sine(660, 3, 2)],
        [],
        ["-map", "0:v", "-map", "1:a", "-map", "2:a", "-map", "3:a", "-map", "4:a", .. H264, "-c:a", "aac", "-ac:a:0", "2", "-ac:a:2", "6",
         "-metadata:s:a:0", "language=eng", "-metadata:s:a:1", "language=fre", "-metadata:s:a:2", "language=ger", "-metadata:s:a:3", "language=eng",
         "-disposition:a:0", "default", "-disposition:a:1", "0", "-disposition:a:2", "0", "-disposition:a:3", "visual_impaired"]);

    /// <summary>1.5 s of video with English twice (the same language, kind and title: a duplicate) and an empty third track.</summary>
    public static Task<string> DuplicateAndEmptyAudio() => Make("duplicate-empty-audio.mkv",
        [.. Video("320x180", 25, DefaultSeconds), .. Sine(440, DefaultSeconds), .. Sine(220, DefaultSeconds), "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo,atrim=end_sample=1"],
        [],
        ["-map", "0:v", "-map", "1:a", "-map", "2:a", "-map", "3:a", .. H264, "-c:a", "aac", "-frames:a:2", "0",
         "-metadata:s:a", "language=eng", "-disposition:a:0", "0", "-disposition:a:1", "default", "-disposition:a:2", "0"]);

    /// <summary>A podcast episode: 2 s of mono MP3 with a 200x200 PNG cover as its attached picture (ID3 APIC).</summary>
    public static async Task<string> Mp3WithCoverArt() => await Make("episode.mp3",
        [.. Sine(440, 2), "-i", await CoverPng()],
        [],
        ["-map", "0:a", "-map", "1:v", "-c:a", "libmp3lame", "-b:a", "96k", "-ac", "1", "-c:v", "png", "-disposition:v", "attached_pic", "-id3v2_version", "3"]);

    /// <summary>A voice memo: 1.5 s of mono Opus in Ogg, as Android's recorder writes it.</summary>
    public static Task<string> VoiceMemo() => Make("memo.ogg", Sine(300, DefaultSeconds), [], ["-c:a", "libopus", "-ac", "1"]);

    /// <summary>Music: 1.5 s of stereo FLAC.</summary>
    public static Task<string> Music() => Make("music.flac", Sine(440, DefaultSeconds), [], ["-c:a", "flac", "-ac", "2"]);

    /// <summary>An audiobook in two languages: an M4A with no video, English (default) and Spanish.</summary>
    public static Task<string> AudioOnlyTwoLanguages() => Make("audiobook.m4a",
        [.. Sine(440, DefaultSeconds), .. Sine(330, DefaultSeconds)],
        [],
        ["-map", "0:a", "-map", "1:a", "-c:a", "aac", "-metadata:s:a:0", "language=eng", "-metadata:s:a:1", "language=spa",
         "-disposition:a:0", "default", "-disposition:a:1", "0"]);

    // A tone at 48 kHz; volume as a factor (0.3 is about 10 dB quieter).
    private static string[] Sine(int frequency, double seconds, double volume = 1) =>
        ["-f", "lavfi", "-i", FormattableString.Invariant($"sine=frequency={frequency}:sample_rate=48000:duration={seconds},volume={volume}")];
}
