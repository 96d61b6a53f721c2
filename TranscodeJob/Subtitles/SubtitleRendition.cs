namespace Transcoder.TranscodeJob.Subtitles;

/// <summary>
/// A published subtitle track as the playlists and the MPD describe it: one WebVTT file, <see cref="Bytes"/> long,
/// for the whole presentation.
/// </summary>
/// <param name="Id">The file's stem: <c>Id.vtt</c> and, with HLS, <c>Id.m3u8</c>.</param>
/// <param name="Name">Unique among the tracks (<see cref="SubtitleSet.Arrange"/>).</param>
/// <param name="IsDefault">Shown without being asked (<see cref="SubtitleSet.Arrange"/>).</param>
internal sealed record SubtitleRendition(string Id, string? Language, string Name, bool Forced, bool HearingImpaired, bool IsDefault, long Bytes)
{
    public string FileName => Id + ".vtt";

    public string PlaylistName => Id + ".m3u8";
}
