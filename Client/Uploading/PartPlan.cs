namespace Transcoder.Client.Uploading;

/// <summary>Splits a file into multipart-upload parts within S3's limits.</summary>
internal static class PartPlan
{
    /// <summary>S3's largest number of parts in one upload.</summary>
    public const int MaxParts = 10_000;

    /// <summary>
    /// Parts of <paramref name="partSize"/> bytes (the last one shorter); when that would make more than
    /// <see cref="MaxParts"/>, larger parts, rounded up to whole MiB.
    /// </summary>
    public static IReadOnlyList<FilePart> For(long size, long partSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfLessThan(partSize, UploadTuning.MinPartSize);
        if ((size + partSize - 1) / partSize > MaxParts)
        {
            var needed = (size + MaxParts - 1) / MaxParts;
            partSize = (needed + UploadTuning.MiB - 1) / UploadTuning.MiB * UploadTuning.MiB;
        }

        var parts = new List<FilePart>();
        for (long offset = 0; offset < size; offset += partSize)
        {
            parts.Add(new FilePart(parts.Count + 1, offset, Math.Min(partSize, size - offset)));
        }

        return parts;
    }
}
