namespace Transcoder.TranscodeJob.Probing;

public sealed record AudioStreamInfo(int Index, string Codec, int Channels, int SampleRate, string? Language, bool IsDefault);
