using System.Text.Json;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Errors;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// Ends a long source's job once when a part finds the source bad or replaced (<see cref="JobVerdict"/>): the first
/// part to write the verdict reports it (the failure record, the one event); any later one is told it was reported,
/// and stays quiet. The work area goes, but for the verdict, which tells parts still running to stop.
/// </summary>
internal static class JobVerdicts
{
    /// <summary>The failure to throw: <paramref name="failure"/> when this part reports it, else the same already reported.</summary>
    /// <remarks>Not cancellable: a failure is reported on the way out, even after a signal.</remarks>
    public static async Task<JobException> FailAsync(WorkArea area, JobException failure, string part) =>
        await SettleAsync(area, new JobVerdict(JobEvent.Failed, failure.Message, part)) ? failure : failure.AsReportedElsewhere();

    public static async Task<SourceSupersededException> SupersedeAsync(WorkArea area, SourceSupersededException superseded, string part) =>
        await SettleAsync(area, new JobVerdict(JobEvent.Superseded, superseded.Message, part))
            ? superseded
            : new SourceSupersededException(superseded.Message) { ReportedElsewhere = true };

    /// <summary>Throws the end already settled (quietly: reported by the part that settled it), if there is one.</summary>
    public static async Task ThrowIfSettledAsync(WorkArea area, CancellationToken cancellationToken)
    {
        if (await area.ReadTextAsync(JobVerdict.FileName, cancellationToken) is { } text
            && JsonSerializer.Deserialize(text, ChunkJsonContext.Default.JobVerdict) is { } verdict)
        {
            throw new PartDoneException($"the job has ended ({verdict.Type}, found by {verdict.By}): {verdict.Reason}");
        }
    }

    private static async Task<bool> SettleAsync(WorkArea area, JobVerdict verdict)
    {
        if (!await area.TryCreateAsync(JobVerdict.FileName, JsonSerializer.Serialize(verdict, ChunkJsonContext.Default.JobVerdict), CancellationToken.None))
        {
            return false;
        }

        await area.DeleteAllAsync(CancellationToken.None, keep: JobVerdict.FileName);
        return true;
    }
}
