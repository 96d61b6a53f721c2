namespace Transcoder.TranscodeJob.Chunks;

/// <summary>Bytes <see cref="First"/> to <see cref="Last"/> (inclusive, as HTTP ranges count) of an object in the bucket.</summary>
internal sealed record ObjectRange(string Key, long First, long Last)
{
    public long Length => Last - First + 1;

    public ObjectRange Take(long bytes) => this with { Last = First + bytes - 1 };

    public ObjectRange Skip(long bytes) => this with { First = First + bytes };
}
