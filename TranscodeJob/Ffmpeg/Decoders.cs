namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>
/// Which of ffmpeg's hundreds of decoders an upload may reach. The lists protect the decoders the job opens: the
/// video and audio formats cameras, phones, browsers, editors and broadcast capture write. Streams the job does not
/// transcode (subtitles, captions, teletext, cover art, data) never reach an encoder; ffmpeg is given only the
/// video and audio lists, so its stream-info pass cannot open a decoder for them (it logs the refusal and goes on),
/// and the job maps only the streams it encodes.
/// </summary>
internal static class Decoders
{
    public const string Video =
        "h264,hevc,vp8,vp9,av1,libdav1d,libaom-av1,mpeg4,msmpeg4v3,h263,mpeg1video,mpeg2video,mjpeg,prores,dnxhd,ffv1,vc1,wmv3,wmv2,theora,flv,rawvideo,dvvideo,gif";

    public const string Audio =
        "aac,aac_fixed,aac_latm,mp3,mp3float,mp2,mp2float,ac3,ac3_fixed,eac3,dca,truehd,opus,libopus,vorbis,flac,alac,wmav2,wmapro,amrnb,amrwb,"
        + "pcm_s16le,pcm_s16be,pcm_s24le,pcm_s24be,pcm_s32le,pcm_f32le,pcm_u8,pcm_mulaw,pcm_alaw";

    /// <summary>What ffmpeg may decode from a source: the video and the audio the job encodes.</summary>
    public const string Transcoded = Video + "," + Audio;

    /// <summary>
    /// Cover art: one picture, shown by players beside audio; ffprobe reads its size, nothing encodes it.
    /// </summary>
    public const string CoverArt = "png,mjpeg,bmp,gif,webp,tiff";

    /// <summary>
    /// Subtitles, captions and teletext. ffprobe 5.1 opens a decoder for every stream it lists and exits when one is
    /// refused, so the header probe lets it open these (only to read their parameters; the job decodes none of them).
    /// Every subtitle decoder Debian's ffmpeg 5.1 has is here: a subtitle track must never fail a job.
    /// </summary>
    public const string Subtitles =
        "ass,ssa,srt,subrip,webvtt,mov_text,text,microdvd,mpl2,pjs,realtext,sami,stl,subviewer,subviewer1,vplayer,jacosub,"
        + "pgssub,dvdsub,dvbsub,xsub,libzvbi_teletextdec,cc_dec";

    /// <summary>
    /// The text subtitle decoders a subtitle extraction may open (SubRip, ASS/SSA, WebVTT, 3GPP timed text): they hand
    /// their text to the WebVTT encoder. Bitmap and teletext subtitles are never decoded.
    /// </summary>
    public const string TextSubtitles = "srt,subrip,ass,ssa,webvtt,mov_text";

    /// <summary>The CEA-608 decoder, for the caption stream ffmpeg's <c>movie</c> source splits off the video (<c>subcc</c>).</summary>
    public const string ClosedCaptions = "cc_dec";

    /// <summary>No decoder has this name: data and attachment streams get none.</summary>
    public const string None = "none";

    /// <summary>
    /// ffprobe's allow-lists by stream kind, as codec options with stream specifiers: <c>:v</c> (every video stream,
    /// cover art included) first, then <c>:V</c> (video that is not cover art), which overrides it for the real video.
    /// </summary>
    public static IReadOnlyList<string> ProbeAllowLists { get; } =
    [
        "-codec_whitelist:v", Video + "," + CoverArt,
        "-codec_whitelist:V", Video,
        "-codec_whitelist:a", Audio,
        "-codec_whitelist:s", Subtitles,
        "-codec_whitelist:d", None,
        "-codec_whitelist:t", None,
    ];
}
