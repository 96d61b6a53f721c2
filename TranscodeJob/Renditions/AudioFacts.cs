namespace Transcoder.TranscodeJob.Renditions;

/// <summary>What the playlists and the manifest say about one audio rendition.</summary>
/// <param name="Language">BCP 47 (<c>en</c>, <c>pt-BR</c>), or null when the source names no language.</param>
/// <param name="Label">The name a player's audio menu shows (HLS NAME, DASH Label); unique among the tracks.</param>
/// <param name="Role">What the track is for.</param>
/// <param name="IsDefault">The track that plays unless the viewer picks another; exactly one track has it.</param>
/// <param name="Channels">The rendition's channels: 2, or 1 for a mono source.</param>
internal sealed record AudioFacts(string? Language, string Label, AudioRole Role, bool IsDefault, int Channels)
{
    /// <summary>The role's name in the manifest and in DASH's role scheme: <c>main</c>, <c>alternate</c>, …</summary>
    public string RoleName => Role.ToString().ToLowerInvariant();
}
