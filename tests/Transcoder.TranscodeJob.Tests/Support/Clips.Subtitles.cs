namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>Sources with subtitles and captions, made small with real ffmpeg (issue 19).</summary>
internal static partial class Clips
{
    /// <summary>The French SubRip track's cues, on the source's clock.</summary>
    public const string FrenchSrt = "1\n00:00:00,200 --> 00:00:00,800\nBonjour <i>à tous</i>\n\n2\n00:00:01,000 --> 00:00:09,000\nAu revoir\n";

    /// <summary>
    /// 1.5 s of Matroska with a SubRip track in French (its second cue outlasts the picture) and an ASS track in
    /// English titled "English SDH", flagged for the hearing impaired, whose line has styling overrides.
    /// </summary>
    public static async Task<string> MatroskaWithSrtAndAss() => await Make("srt-and-ass.mkv",
        [.. Video("320x180", 25, DefaultSeconds), .. Tone(DefaultSeconds)],
        ["-i", await Subtitles("fr.srt", FrenchSrt), "-i", await Subtitles("en.ass", EnglishAss)],
        ["-map", "0:v", "-map", "1:a", "-map", "2", "-map", "3", .. H264, "-c:a", "aac", "-c:s:0", "srt", "-c:s:1", "ass",
         "-metadata:s:s:0", "language=fre", "-metadata:s:s:1", "language=eng", "-metadata:s:s:1", "title=English SDH",
         "-disposition:s:0", "0", "-disposition:s:1", "hearing_impaired"]);

    /// <summary>
    /// 3 s of 30 fps H.264 in MP4 carrying CEA-608 captions in its SEI: "HELLO CAPTIONS" from 1 s to 2 s and
    /// "SECOND LINE" from 2.333 s to 2.833 s, with sound.
    /// </summary>
    public static async Task<string> H264WithCea608()
    {
        var raw = await Make("cc-raw.h264", Video("160x90", 30, 3), [],
            ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-bf", "0", "-x264-params", "aud=1", "-f", "h264"]);
        var captioned = await MakeFile("cc.h264", path => File.WriteAllBytes(path, Cea608Sei.Insert(
            File.ReadAllBytes(raw), [("HELLO CAPTIONS", 30, 60), ("SECOND LINE", 70, 85)])));
        return await Make("cc.mp4", ["-framerate", "30", "-i", captioned], Tone(3), ["-map", "0:v", "-map", "1:a", "-c:v", "copy", "-c:a", "aac"]);
    }

    private const string EnglishAss =
        "[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\n"
        + "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
        + "Style: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,1\n\n[Events]\n"
        + "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
        + "Dialogue: 0,0:00:00.40,0:00:01.10,Default,,0,0,0,,{\\an8}{\\c&H0000FF&}[door creaks] {\\i1}Hello{\\i0}\n";
}
