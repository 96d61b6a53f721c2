namespace Transcoder.Shared.Outputs;

/// <summary>Where the outputs of a done <see cref="JobEvent"/> are.</summary>
/// <param name="Location">The output folder, e.g. <c>s3://prod/videos/clip-3fa2c1d09b7e4a51/</c>.</param>
/// <param name="Manifest">The manifest's file name in it (<see cref="JobManifest.FileName"/>).</param>
/// <param name="Hls">The HLS master playlist's file name in it, when HLS was made.</param>
/// <param name="Dash">The DASH MPD's file name in it, when DASH was made.</param>
/// <param name="Poster">The poster's file name in it; null for an audio-only source without cover art.</param>
/// <param name="Files">Every published file, as <c>manifest.json</c> lists them.</param>
public sealed record JobEventOutputs(string Location, string Manifest, string? Hls, string? Dash, string? Poster, IReadOnlyList<ManifestFile> Files)
{
    /// <summary>Each measured rendition's quality, largest first (the manifest has the details); empty when none was measured.</summary>
    public IReadOnlyList<JobEventQuality> Quality { get; init; } = [];
}
