using System.Text.Json;
using Transcoder.TranscodeJob.Errors;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>What every part of a long source's job recorded, read back for the assembly.</summary>
/// <param name="Chunks">Every chunk's results, in order.</param>
internal sealed record AssemblyParts(SourcePiece Source, IReadOnlyList<ChunkPiece> Chunks)
{
    /// <summary>One rendition's track of every chunk, in order.</summary>
    public IReadOnlyList<PieceTrack> TracksOf(string rendition) => [.. Chunks.Select(c => c.Tracks.Single(t => t.Name == rendition))];

    public static async Task<AssemblyParts> ReadAsync(WorkArea area, SplitPlan plan, CancellationToken cancellationToken)
    {
        var source = Read(await area.ReadTextAsync(SourcePiece.MarkerName, cancellationToken), SourcePiece.MarkerName, ChunkJsonContext.Default.SourcePiece);
        var chunks = new List<ChunkPiece>(plan.Chunks.Count);
        foreach (var chunk in plan.Chunks)
        {
            var name = ChunkPiece.MarkerName(chunk.Index);
            chunks.Add(Read(await area.ReadTextAsync(name, cancellationToken), name, ChunkJsonContext.Default.ChunkPiece));
        }

        return new AssemblyParts(source, chunks);
    }

    // The election saw every marker: one gone since (another assembly finished and cleaned up) is a race to retry.
    private static T Read<T>(string? json, string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        (json is null ? default : JsonSerializer.Deserialize(json, type))
        ?? throw JobException.Transient($"{name} is missing from the work area: another task may have finished the job");
}
