using System.Globalization;
using System.Text.RegularExpressions;

namespace Transcoder.Shared.Jobs;

/// <summary>
/// One part of a long source's encode: the job that probed the source cut its timeline into <see cref="Count"/> chunks
/// on the keyframe grid and handed each to the pipeline as a job of its own, which encodes only its time range of every
/// rendition. Where each chunk starts and ends is in the split plan the first job wrote (the job's business, not the
/// dispatcher's); the message names the plan and the chunk.
/// </summary>
/// <param name="Plan">The split plan's id: 16 hexadecimal digits naming one upload and one request (renditions, formats).</param>
/// <param name="Index">Which chunk, from 0.</param>
/// <param name="Count">How many chunks the source was cut into.</param>
public sealed partial record JobChunk(string Plan, int Index, int Count)
{
    /// <summary>
    /// The most chunks a source may be cut into: far above any sensible setting, it only bounds what a message can ask
    /// for (an S3 multipart upload has at most 10,000 parts, one per chunk at the most).
    /// </summary>
    public const int MaxCount = 1000;

    /// <summary>The readable form, for logs: <c>chunk 3 of 12</c> (counted from 1).</summary>
    public string Display => string.Create(CultureInfo.InvariantCulture, $"chunk {Index + 1} of {Count}");

    /// <summary>What is wrong with this chunk by itself; empty when nothing is.</summary>
    public IEnumerable<string> Problems()
    {
        if (!PlanId().IsMatch(Plan))
        {
            yield return $"chunk plan '{Plan}' must be 16 hexadecimal digits";
        }

        if (Count is < 2 or > MaxCount)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"chunk count {Count} must be 2-{MaxCount}");
        }
        else if (Index < 0 || Index >= Count)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"chunk index {Index} must be 0-{Count - 1} for {Count} chunks");
        }
    }

    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex PlanId();
}
