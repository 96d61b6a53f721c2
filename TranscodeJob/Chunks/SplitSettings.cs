using Transcoder.Shared;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// When a long source is cut into chunks, each encoded by a task of its own (<c>SPLIT_ABOVE_SECONDS</c>,
/// <c>CHUNK_SECONDS</c>, <c>MAX_CHUNKS</c>; docs/job.md, "Long sources").
/// </summary>
/// <param name="AboveSeconds">A source longer than this is cut (when the job can hand chunks to a queue).</param>
/// <param name="ChunkSeconds">The shortest chunk: a source is cut into at most its length over this many chunks.</param>
/// <param name="MaxChunks">The most chunks: a longer source gets longer chunks.</param>
internal sealed record SplitSettings(int AboveSeconds, int ChunkSeconds, int MaxChunks)
{
    /// <summary>
    /// Ten minutes: below it a single task's start and the stitching cost more than they save. With the defaults below,
    /// a 2-hour film becomes 24 chunks of 5 minutes, which 2-vCPU tasks encode in about 5 minutes each (bench/README.md).
    /// </summary>
    public const int DefaultAboveSeconds = 600;

    /// <summary>Two minutes: long enough that a task's start and the seek into the source are small beside the encode.</summary>
    public const int DefaultChunkSeconds = 120;

    /// <summary>Tasks at once per source; Fargate's start rate and account limits bound it more than the encode does.</summary>
    public const int DefaultMaxChunks = 24;

    public static SplitSettings Default { get; } = new(DefaultAboveSeconds, DefaultChunkSeconds, DefaultMaxChunks);

    /// <summary>The setting names, for the problems the resolver reports.</summary>
    public static IReadOnlyList<string> Names { get; } = [JobEnvironment.SplitAboveSeconds, JobEnvironment.ChunkSeconds, JobEnvironment.MaxChunks];
}
