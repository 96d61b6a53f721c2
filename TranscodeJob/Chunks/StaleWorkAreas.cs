using System.Text.Json;
using Transcoder.Shared.Jobs;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// Removes what earlier jobs of the same source left in its work areas once a job of a later upload has committed the
/// folder: a job superseded mid-way keeps its verdict (so that its parts still running stop), and a part that was
/// encoding when the verdict came may still have put its results there. Areas of the same upload are left alone (a
/// resubmission asking for other renditions may be running); the stack's lifecycle rule expires anything else.
/// </summary>
internal static class StaleWorkAreas
{
    public static async Task RemoveAsync(ChunkServices services, SourceRevision current, string keep, CancellationToken cancellationToken)
    {
        var plans = (await services.SourceWork.ListAsync("", cancellationToken))
            .Select(name => name.Split('/')[0])
            .Where(plan => plan != keep)
            .Distinct(StringComparer.Ordinal);
        foreach (var planId in plans)
        {
            var area = services.AreaFor(planId);
            var plan = await area.ReadTextAsync(SplitPlan.FileName, cancellationToken) is { } json
                ? JsonSerializer.Deserialize(json, ChunkJsonContext.Default.SplitPlan)
                : null;
            if (plan is null || plan.UploadRevision.IsSupersededBy(current))
            {
                await area.DeleteAllAsync(cancellationToken);
            }
        }
    }
}
