namespace Transcoder.TranscodeJob.Subtitles;

/// <summary>Which subtitle codecs become WebVTT, and why the others do not.</summary>
internal static class SubtitleCodecs
{
    /// <summary>The text codecs that are converted (ffprobe's names); their decoders are <see cref="Ffmpeg.Decoders.TextSubtitles"/>.</summary>
    public static readonly IReadOnlySet<string> Text = new HashSet<string>(StringComparer.Ordinal) { "subrip", "srt", "ass", "ssa", "webvtt", "mov_text" };

    private static readonly IReadOnlySet<string> Bitmap = new HashSet<string>(StringComparer.Ordinal)
    {
        "hdmv_pgs_subtitle", "dvd_subtitle", "dvb_subtitle", "xsub",
    };

    /// <summary>Why a stream of <paramref name="codec"/> is not delivered; null when it is converted.</summary>
    public static string? WhyNot(string codec) => codec switch
    {
        _ when Text.Contains(codec) => null,
        _ when Bitmap.Contains(codec) => $"bitmap subtitles ({codec}) are pictures: they need OCR to become text",
        "dvb_teletext" => "teletext subtitles are not converted",
        "eia_608" => "a separate CEA-608 caption track is not converted (captions inside the video are)",
        _ => $"{codec} subtitles are not converted (SubRip, ASS/SSA, WebVTT and mov_text are)",
    };
}
