namespace Transcoder.Shared.Outputs;

/// <summary>One audio rendition: a source audio track as AAC-LC at 48 kHz, stereo (mono for a mono source).</summary>
/// <param name="Playlist">Its HLS media playlist, or null when HLS was not asked for.</param>
/// <param name="Track">The CMAF audio track.</param>
/// <param name="Kbps">The bitrate it was encoded at, kilobits per second.</param>
/// <param name="Channels">The channel count (at most 2).</param>
/// <param name="Size">Bytes of the CMAF audio track.</param>
/// <param name="Loudness">Its loudness as measured in the encode; null when it could not be measured.</param>
public sealed record ManifestAudioRendition(string? Playlist, string Track, int Kbps, int Channels, long Size, ManifestLoudness? Loudness = null)
{
    /// <summary>The rendition's name (<c>audio</c> for a source's only track, else <c>audio-en-1</c>), which names its files.</summary>
    public string? Name { get; init; }

    /// <summary>The source stream it was made from (<see cref="ManifestAudio.Index"/>).</summary>
    public int? SourceIndex { get; init; }

    /// <summary>Its language as BCP 47 (<c>en</c>, <c>pt-BR</c>), as the playlists give it; null when the source names none.</summary>
    public string? Language { get; init; }

    /// <summary>The name the playlists give it for a player's audio menu: the source's title, else the language's name.</summary>
    public string? Label { get; init; }

    /// <summary>What it is for: <c>main</c> (the default), <c>alternate</c>, <c>description</c> (audio description) or <c>commentary</c>.</summary>
    public string? Role { get; init; }

    /// <summary>Whether it is the track that plays by default (and that the progressive files carry).</summary>
    public bool IsDefault { get; init; }

    /// <summary>The source track's channel count: 6 for 5.1, downmixed to <see cref="Channels"/>.</summary>
    public int? SourceChannels { get; init; }

    /// <summary>An audio-only source's progressive download (an M4A of the default track); null otherwise.</summary>
    public string? File { get; init; }
}
