namespace Transcoder.TranscodeJob.Probing;

/// <summary>A subtitle stream of the source, as its header describes it.</summary>
/// <param name="Codec">ffprobe's codec name (<c>subrip</c>, <c>ass</c>, <c>mov_text</c>, <c>hdmv_pgs_subtitle</c>).</param>
/// <param name="Language">The language tag as the container wrote it (<c>eng</c>), or null.</param>
/// <param name="Title">The track's own name (Matroska's track name), or null.</param>
internal sealed record SubtitleStreamInfo(int Index, string Codec, string? Language, string? Title, bool IsForced, bool IsHearingImpaired)
{
    /// <summary>The subtitle streams among ffprobe's streams, in stream order.</summary>
    public static IReadOnlyList<SubtitleStreamInfo> From(IEnumerable<FfprobeStream> streams) =>
        [.. streams
            .Where(s => s.CodecType == "subtitle")
            .Select(s => new SubtitleStreamInfo(
                s.Index,
                s.CodecName ?? "unknown",
                s.Tags?.GetValueOrDefault("language"),
                s.Tags?.GetValueOrDefault("title"),
                s.Disposition?.GetValueOrDefault("forced") == 1,
                s.Disposition?.GetValueOrDefault("hearing_impaired") == 1))];
}
