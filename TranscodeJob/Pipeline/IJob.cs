namespace Transcoder.TranscodeJob.Pipeline;

/// <summary>
/// One job of a kind (<see cref="Shared.Jobs.JobKind"/>): transcode a video (<see cref="TranscodePipeline"/>), one
/// chunk of a long one (<see cref="Chunks.ChunkPipeline"/>), or attach a caption file to a video's outputs
/// (<see cref="Captions.CaptionJob"/>). The runner and the reporter treat every kind alike: an outcome, or an exception
/// that maps to an exit code.
/// </summary>
internal interface IJob
{
    /// <summary>The job's id once known: for the events of a failed job.</summary>
    string? JobId { get; }

    /// <summary>The source's size once described, for the metrics.</summary>
    long? SourceBytes { get; }

    /// <summary>
    /// Runs the job; returns when the outputs are in place. Throws <see cref="Errors.SourceSupersededException"/> when a
    /// later upload took over, <see cref="Errors.PartDoneException"/> when this task's part is done and others finish
    /// the job, and <see cref="Errors.JobException"/> on failure.
    /// </summary>
    Task<JobOutcome> RunAsync(CancellationToken cancellationToken);
}
