namespace Transcoder.TranscodeJob.Probing;

internal sealed record AudioStreamInfo(int Index, string Codec, int Channels, int SampleRate, string? Language, bool IsDefault);
