using Transcoder.TranscodeJob.Errors;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// Decides, when a part of a long source's job has recorded its results, whether it also assembles the job: only when
/// every part's marker is in, and only the one part whose conditional write of the claim succeeds (S3's
/// <c>If-None-Match: *</c> lets exactly one writer create an object). Each part writes its marker before it counts, and
/// S3 lists what was written before, so the part that completes the set always sees it complete: the job is assembled
/// at least once. A part that sees a claim already its own (its task was stopped while assembling, and its message came
/// back) assembles again: the assembly is idempotent, and no other part can take it over.
/// </summary>
internal static class AssemblyElection
{
    public const string ClaimName = "assembler";

    /// <summary>Returns when <paramref name="part"/> is to assemble; throws <see cref="PartDoneException"/> otherwise.</summary>
    public static async Task ClaimAsync(WorkArea area, SplitPlan plan, string part, CancellationToken cancellationToken)
    {
        var parts = plan.Chunks.Count + 1;
        var done = (await area.ListAsync(ChunkPiece.Markers, cancellationToken)).Count;
        if (done < parts)
        {
            throw new PartDoneException($"{part} done; {parts - done} of the job's {parts} parts still running");
        }

        if (!await area.TryCreateAsync(ClaimName, part, cancellationToken) && await area.ReadTextAsync(ClaimName, cancellationToken) != part)
        {
            throw new PartDoneException($"{part} done; another part assembles the job");
        }
    }
}
