namespace Transcoder.Shared.Outputs;

/// <summary>One subtitle or caption track, delivered as a WebVTT file (and an HLS playlist, a DASH AdaptationSet).</summary>
/// <param name="File">The WebVTT file, e.g. <c>subtitles-2.vtt</c>, <c>cc1.vtt</c>, <c>caption-fr.vtt</c>.</param>
/// <param name="Playlist">Its HLS media playlist; null without the hls format.</param>
/// <param name="Language">Its language as a BCP 47 tag (<c>en</c>, <c>pt-BR</c>); null when the source did not say.</param>
/// <param name="Name">The name players show in their menus (the HLS NAME, the DASH Label), unique among the tracks.</param>
/// <param name="Forced">Subtitles for on-screen text and foreign dialogue only (HLS FORCED=YES, DASH role forced-subtitle).</param>
/// <param name="HearingImpaired">Captions for the deaf and hard of hearing (HLS CHARACTERISTICS, DASH role caption).</param>
/// <param name="IsDefault">Whether players show it without being asked (HLS DEFAULT=YES): only a forced track in the main audio's language.</param>
/// <param name="Origin">Where it came from, one of <see cref="SubtitleOrigins"/>.</param>
/// <param name="SourceStream">The source stream it came from (for captions, the video stream); null for a caption file.</param>
/// <param name="SourceFile">The caption file's name (<c>clip.fr.srt</c>); null for a stream.</param>
/// <param name="Cues">How many cues it holds, after those outside the media were cut.</param>
public sealed record ManifestSubtitle(
    string File,
    string? Playlist,
    string? Language,
    string Name,
    bool Forced,
    bool HearingImpaired,
    bool IsDefault,
    string Origin,
    int? SourceStream,
    string? SourceFile,
    int Cues);
