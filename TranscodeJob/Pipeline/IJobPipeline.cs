namespace Transcoder.TranscodeJob.Pipeline;

/// <summary>What a task runs: a whole source (<see cref="TranscodePipeline"/>) or one chunk of a long one (<see cref="Chunks.ChunkPipeline"/>).</summary>
internal interface IJobPipeline
{
    /// <summary>The job's id once known: for the events of a failed job.</summary>
    string? JobId { get; }

    /// <summary>The source's size once described.</summary>
    long? SourceBytes { get; }

    /// <summary>
    /// Runs the job; returns when the outputs are in place. Throws <see cref="Errors.SourceSupersededException"/> when a
    /// later upload took over, <see cref="Errors.PartDoneException"/> when this task's part is done and others finish
    /// the job, and <see cref="Errors.JobException"/> on failure.
    /// </summary>
    Task<JobOutcome> RunAsync(CancellationToken cancellationToken);
}
