namespace Transcoder.TranscodeJob.Manifest;

internal sealed record ManifestAudio(int Index, string Codec, int Channels, int SampleRate, string? Language, bool IsDefault);
