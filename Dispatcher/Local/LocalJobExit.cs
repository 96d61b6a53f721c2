namespace Transcoder.Dispatcher.Local;

/// <summary>How one local job process ended (its exit code is TranscodeJob's documented one).</summary>
public sealed record LocalJobExit(string JobId, int ProcessId, int ExitCode);
