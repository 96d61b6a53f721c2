namespace Transcoder.Shared.Outputs;

/// <summary>The role of each published file, as <c>manifest.json</c> lists it (<see cref="ManifestFile.Role"/>).</summary>
public static class OutputRoles
{
    /// <summary>The HLS master playlist.</summary>
    public const string HlsMaster = "hls-master";

    /// <summary>An HLS media playlist (one per track).</summary>
    public const string HlsPlaylist = "hls-playlist";

    /// <summary>The DASH MPD.</summary>
    public const string DashManifest = "dash-manifest";

    /// <summary>A CMAF video track (one per rendition).</summary>
    public const string CmafVideo = "cmaf-video";

    /// <summary>A CMAF audio track (one per audio rendition).</summary>
    public const string CmafAudio = "cmaf-audio";

    /// <summary>A progressive-download MP4 (one per rendition).</summary>
    public const string Progressive = "mp4";

    /// <summary>An audio-only source's progressive download: the default audio track as an M4A.</summary>
    public const string ProgressiveAudio = "m4a";

    /// <summary>A storyboard sprite sheet.</summary>
    public const string StoryboardSheet = "storyboard-sheet";

    /// <summary>The storyboard's WebVTT track.</summary>
    public const string StoryboardVtt = "storyboard-vtt";

    /// <summary>The poster image.</summary>
    public const string Poster = "poster";

    /// <summary>A subtitle or caption track as WebVTT (one per track; its HLS playlist is an <see cref="HlsPlaylist"/>).</summary>
    public const string Subtitles = "subtitles";

    /// <summary>Every role, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } =
        [HlsMaster, HlsPlaylist, DashManifest, CmafVideo, CmafAudio, Progressive, ProgressiveAudio, StoryboardSheet, StoryboardVtt, Poster, Subtitles];
}
