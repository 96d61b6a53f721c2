using Transcoder.Shared.Jobs;

namespace Transcoder.Dispatcher.Local;

/// <summary>How one local job process ended (its exit code is TranscodeJob's documented one).</summary>
/// <param name="Chunk">The chunk of a long source the process encoded; null for a whole source.</param>
public sealed record LocalJobExit(string JobId, int ProcessId, int ExitCode, JobChunk? Chunk = null)
{
    /// <summary>When the process started and ended (its wall time, for the benchmarks).</summary>
    public DateTimeOffset Started { get; init; }

    public DateTimeOffset Ended { get; init; }

    /// <summary>The last lines it printed (stdout and stderr), at most <see cref="LastLinesKept"/>.</summary>
    public IReadOnlyList<string> LastLines { get; init; } = [];

    public const int LastLinesKept = 60;
}
