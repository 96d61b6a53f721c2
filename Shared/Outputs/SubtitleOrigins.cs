namespace Transcoder.Shared.Outputs;

/// <summary>Where a subtitle track came from (<see cref="ManifestSubtitle.Origin"/>, <see cref="ManifestSkippedSubtitle.Origin"/>).</summary>
public static class SubtitleOrigins
{
    /// <summary>A subtitle stream of the upload (SubRip, ASS, WebVTT, mov_text; bitmap ones are skipped).</summary>
    public const string Stream = "stream";

    /// <summary>CEA-608 closed captions carried in the video's H.264 or HEVC SEI messages (field 1, channel 1).</summary>
    public const string ClosedCaptions = "cea-608";

    /// <summary>A caption file sent beside the upload or later (<c>clip.fr.srt</c>).</summary>
    public const string File = "file";

    /// <summary>Every origin, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Stream, ClosedCaptions, File];
}
