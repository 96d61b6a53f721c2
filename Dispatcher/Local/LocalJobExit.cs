using Transcoder.Shared.Jobs;

namespace Transcoder.Dispatcher.Local;

/// <summary>How one local job process ended (its exit code is TranscodeJob's documented one).</summary>
/// <param name="Chunk">The chunk of a long source the process encoded; null for a whole source.</param>
public sealed record LocalJobExit(string JobId, int ProcessId, int ExitCode, JobChunk? Chunk = null);
