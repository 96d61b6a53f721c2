using System.Text.Json;
using Microsoft.Extensions.Logging;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// The first task of a long source's job, after its probe and plan: writes the split plan, queues one job per chunk,
/// then makes its own part from the whole source (<see cref="SourcePartMaker"/>) while the chunks encode, and assembles
/// the job if its part happens to come last. Each step is skipped when a rerun finds it done, so a task stopped midway
/// is retried without doing twice what was done.
/// </summary>
internal sealed class SplitStage(ISourceStore source, ChunkServices services, Assembler assembler, IFfmpegRunner runner, ILogger logger, TimeProvider time)
{
    /// <summary>This part's name in the work area and the logs.</summary>
    public const string Part = "source";

    /// <summary>The marker of the chunks' messages sent.</summary>
    public const string Dispatched = "dispatched";

    /// <summary>The chunks of this source; empty when it is encoded whole.</summary>
    public IReadOnlyList<ChunkRange> ChunksFor(ProbedSource probed, PlannedLadder plan) =>
        ChunkPlanner.Plan(plan.Plans, plan.Encoder, probed.Media.Duration, services.Settings);

    public async Task<JobOutcome> RunAsync(
        JobSubject subject, ProbedSource probed, PlannedLadder plan, IReadOnlyList<ChunkRange> chunks, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var split = SplitPlan.Create(subject, probed, plan, chunks, time.GetUtcNow());
        var area = services.AreaFor(split.PlanId);
        split = await PublishPlanAsync(area, split, cancellationToken);
        await JobVerdicts.ThrowIfSettledAsync(area, cancellationToken);
        try
        {
            if (await area.ReadTextAsync(Dispatched, cancellationToken) is null)
            {
                await ChunkDispatch.SendAsync(services, split, cancellationToken);
                await area.PutTextAsync(Dispatched, "{}", cancellationToken);
                logger.LogInformation(
                    "Cut {Source} ({Seconds:0.0} s) into {Chunks} chunks of about {ChunkSeconds:0} s, each queued as a job of its own (plan {Plan} in {Area})",
                    subject.Source.Uri, probed.Media.Duration.TotalSeconds, chunks.Count, probed.Media.Duration.TotalSeconds / chunks.Count, split.PlanId, area.Location);
            }

            if (await area.ReadTextAsync(SourcePiece.MarkerName, cancellationToken) is null)
            {
                var piece = await new SourcePartMaker(source, runner, new MediaProbe(runner), logger).MakeAsync(probed, plan, area, workspace, cancellationToken);
                await area.PutTextAsync(SourcePiece.MarkerName, JsonSerializer.Serialize(piece, ChunkJsonContext.Default.SourcePiece), cancellationToken);
            }

            await AssemblyElection.ClaimAsync(area, split, Part, cancellationToken);
            return await assembler.RunAsync(split, area, cancellationToken);
        }
        catch (JobException failure) when (!failure.IsRetryable && !failure.ReportedElsewhere)
        {
            throw await JobVerdicts.FailAsync(area, failure, Part);
        }
        catch (SourceSupersededException superseded) when (!superseded.ReportedElsewhere)
        {
            throw await JobVerdicts.SupersedeAsync(area, superseded, Part);
        }
    }

    // The plan in the work area wins: a rerun of this task (or a duplicate job of the same upload and request) uses
    // the one its chunks were queued with.
    private static async Task<SplitPlan> PublishPlanAsync(WorkArea area, SplitPlan plan, CancellationToken cancellationToken)
    {
        if (await area.TryCreateAsync(SplitPlan.FileName, JsonSerializer.Serialize(plan, ChunkJsonContext.Default.SplitPlan), cancellationToken))
        {
            return plan;
        }

        return await area.ReadTextAsync(SplitPlan.FileName, cancellationToken) is { } json
               && JsonSerializer.Deserialize(json, ChunkJsonContext.Default.SplitPlan) is { } existing
            ? existing
            : throw JobException.Transient($"{area.Location}{SplitPlan.FileName} exists but could not be read back");
    }
}
