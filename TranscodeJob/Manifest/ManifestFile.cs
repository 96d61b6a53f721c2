namespace Transcoder.TranscodeJob.Manifest;

/// <summary>A published file: its name in the output folder, its role (hls-master, cmaf-video, mp4…), how it is served.</summary>
internal sealed record ManifestFile(string File, string Role, string ContentType, long Size);
