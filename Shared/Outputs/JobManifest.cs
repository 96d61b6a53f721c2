namespace Transcoder.Shared.Outputs;

/// <summary>
/// <c>manifest.json</c>, the last file the job writes to an output folder: its presence means the folder is complete.
/// Its source fingerprint tells a rerun whether the work is already done. The job writes it, the client reads it;
/// docs/schemas/manifest.schema.json describes it (docs/outputs.md).
/// </summary>
/// <param name="SchemaVersion">The document's version (<see cref="CurrentSchemaVersion"/>).</param>
/// <param name="JobId">The job that wrote it.</param>
/// <param name="CompletedAt">When the job finished publishing.</param>
/// <param name="Source">The source that was transcoded, as probed.</param>
/// <param name="Renditions">The video renditions, largest first; empty for an audio-only source.</param>
/// <param name="Audio">The default audio rendition, the one the progressive files carry; null for a source without
/// audio. <see cref="AudioTracks"/> lists it with every other audio rendition.</param>
/// <param name="Hls">The HLS master playlist, when HLS was asked for.</param>
/// <param name="Dash">The DASH MPD, when DASH was asked for.</param>
/// <param name="Storyboard">The seek-preview thumbnails; null for an audio-only source.</param>
/// <param name="Poster">The poster image; null for an audio-only source without cover art.</param>
/// <param name="Files">Every published file but this one, with its role, Content-Type and size.</param>
public sealed record JobManifest(
    int SchemaVersion,
    string JobId,
    DateTimeOffset CompletedAt,
    ManifestSource Source,
    IReadOnlyList<ManifestRendition> Renditions,
    ManifestAudioRendition? Audio,
    string? Hls,
    string? Dash,
    ManifestStoryboard? Storyboard,
    ManifestPoster? Poster,
    IReadOnlyList<ManifestFile> Files)
{
    /// <summary>The document's name in the output folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>2: CMAF tracks, HLS/DASH, storyboard and the files list.</summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>The uploader's own text (<c>PASSTHROUGH</c>), unchanged; null when none was given.</summary>
    public string? Passthrough { get; init; }

    /// <summary>How the ladder was chosen (per-title or fixed), with the rungs dropped; null in manifests older than the per-title ladder.</summary>
    public ManifestLadder? Ladder { get; init; }

    /// <summary>
    /// Every audio rendition, in the order the playlists list them (the source's), the default one included: each of
    /// the source's audio tracks encoded once, up to the job's limit; empty for a source without audio.
    /// </summary>
    public IReadOnlyList<ManifestAudioRendition> AudioTracks { get; init; } = [];

    /// <summary>The source's audio streams that were not delivered (empty, duplicates, over the limit), with the reason.</summary>
    public IReadOnlyList<ManifestSkippedAudio> SkippedAudio { get; init; } = [];

    /// <summary>The source has no video: the outputs are audio renditions, an M4A, and a poster only from cover art.</summary>
    public bool AudioOnly { get; init; }

    /// <summary>
    /// The subtitle and caption tracks, as WebVTT: the upload's text subtitle streams, its CEA-608 captions and the
    /// caption files sent with it or later. Empty when there are none.
    /// </summary>
    public IReadOnlyList<ManifestSubtitle> Subtitles { get => _subtitles; init => _subtitles = value ?? []; }

    /// <summary>The subtitle streams and caption files that were not delivered (bitmap subtitles, a broken file), with why.</summary>
    public IReadOnlyList<ManifestSkippedSubtitle> SkippedSubtitles { get => _skippedSubtitles; init => _skippedSubtitles = value ?? []; }

    // A manifest written before subtitles existed has neither property: its reader leaves them empty, not null.
    private readonly IReadOnlyList<ManifestSubtitle> _subtitles = [];
    private readonly IReadOnlyList<ManifestSkippedSubtitle> _skippedSubtitles = [];
}
