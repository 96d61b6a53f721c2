using System.Text.Json;
using Microsoft.Extensions.Logging;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// A chunk task: encodes its chunk of a long source from the split plan (<see cref="ChunkStage"/>), records it, and
/// assembles the job when the election says so. Its failures are the job's: bad input ends the whole video once
/// (<see cref="JobVerdicts"/>), a later upload supersedes it, and anything transient (a Spot interruption, the network)
/// releases this chunk's message alone, so that a new task redoes this chunk and nothing else.
/// </summary>
internal sealed class ChunkPipeline(
    JobChunk chunk, ISourceStore source, IOutputStore output, ChunkServices services, IFfmpegRunner runner, PipelineOptions options, ILoggerFactory loggers, TimeProvider time)
    : IJob
{
    private readonly ILogger _logger = loggers.CreateLogger<ChunkPipeline>();

    public string? JobId { get; private set; } = options.JobId;

    public long? SourceBytes { get; private set; }

    public async Task<JobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var area = services.AreaFor(chunk.Plan);
        var plan = await ReadPlanAsync(area, cancellationToken);
        JobId = plan.JobId;
        using var scope = _logger.BeginScope("{JobId} {Chunk}", plan.JobId, chunk.Display);
        await JobVerdicts.ThrowIfSettledAsync(area, cancellationToken);
        try
        {
            if (await area.ReadTextAsync(ChunkPiece.MarkerName(chunk.Index), cancellationToken) is null)
            {
                await EncodeAsync(plan, area, cancellationToken);
            }

            await AssemblyElection.ClaimAsync(area, plan, chunk.Display, cancellationToken);
            return await new Assembler(source, output, services, runner, options, loggers.CreateLogger<Assembler>(), time).RunAsync(plan, area, cancellationToken);
        }
        catch (JobException failure) when (!failure.IsRetryable && !failure.ReportedElsewhere)
        {
            var reported = await JobVerdicts.FailAsync(area, failure, chunk.Display);
            if (!reported.ReportedElsewhere)
            {
                await FailureRecords.TryWriteAsync(output, plan.JobId, plan.Source.Uri, plan.Revision, failure, time.GetUtcNow(), _logger);
            }

            throw reported;
        }
        catch (SourceSupersededException superseded) when (!superseded.ReportedElsewhere)
        {
            throw await JobVerdicts.SupersedeAsync(area, superseded, chunk.Display);
        }
    }

    private async Task EncodeAsync(SplitPlan plan, WorkArea area, CancellationToken cancellationToken)
    {
        var described = await DescribeAsync(plan, cancellationToken);
        using var workspace = JobWorkspace.Create(options.WorkDir, plan.JobId);
        ChunkPiece piece;
        try
        {
            piece = await new ChunkStage(services, runner, options, _logger, time).RunAsync(plan, plan.Chunks[chunk.Index], described, area, workspace, cancellationToken);
        }
        catch (JobException failure) when (failure.IsRetryable)
        {
            // A read refused with 412 (the upload replaced mid-read) is a later upload's, not a transient failure.
            await DescribeAsync(plan, cancellationToken);
            throw;
        }

        // A job that ended meanwhile (another chunk failed, a later upload) takes no more parts.
        await JobVerdicts.ThrowIfSettledAsync(area, cancellationToken);
        await area.PutTextAsync(ChunkPiece.MarkerName(chunk.Index), JsonSerializer.Serialize(piece, ChunkJsonContext.Default.ChunkPiece), cancellationToken);
        _logger.LogInformation(
            "Encoded {Chunk} of {Source}: frames {First}-{End} of every rendition in {Seconds:0.0} s",
            chunk.Display, plan.Source.Uri, plan.Chunks[chunk.Index].FirstFrame, plan.Chunks[chunk.Index].EndFrame - 1, piece.EncodeSeconds);
    }

    private async Task<SourceObject> DescribeAsync(SplitPlan plan, CancellationToken cancellationToken)
    {
        var described = await source.DescribeAsync(cancellationToken);
        SourceBytes = described.Size;
        return plan.UploadRevision.IsSupersededBy(described.Revision)
            ? throw new SourceSupersededException(described.Uri, plan.UploadRevision, described.Revision)
            : described;
    }

    // A chunk whose plan is gone belongs to a job that has ended and cleaned up (a message delivered late or twice).
    private async Task<SplitPlan> ReadPlanAsync(WorkArea area, CancellationToken cancellationToken)
    {
        var plan = await area.ReadTextAsync(SplitPlan.FileName, cancellationToken) is { } json
            ? JsonSerializer.Deserialize(json, ChunkJsonContext.Default.SplitPlan)
            : null;
        if (plan is null)
        {
            throw new PartDoneException($"{chunk.Display}: its split plan {chunk.Plan} is gone, so its job has ended; nothing to do");
        }

        return plan.Chunks.Count == chunk.Count
            ? plan
            : throw new InvalidOperationException($"{chunk.Display} does not match plan {chunk.Plan} of {plan.Chunks.Count} chunks");
    }
}
