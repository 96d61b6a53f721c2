namespace Transcoder.TranscodeJob.Manifest;

/// <param name="Bitrate">Measured average bitrate of the whole file, bits per second.</param>
/// <param name="MaxVideoKbps">The video bitrate cap it was encoded with.</param>
public sealed record ManifestRendition(
    string Name,
    string File,
    int Width,
    int Height,
    string FrameRate,
    long Bitrate,
    int MaxVideoKbps,
    double DurationSeconds,
    long Size,
    bool HasAudio);
