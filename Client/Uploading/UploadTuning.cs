namespace Transcoder.Client.Uploading;

/// <summary>How a file is uploaded: one PUT up to the threshold, parts above it.</summary>
/// <param name="MultipartThreshold">Files larger than this (bytes) go up in parts.</param>
/// <param name="PartSize">Bytes per part (S3: at least 5 MiB except the last, at most 10,000 parts).</param>
/// <param name="ParallelParts">Parts in flight at once.</param>
internal sealed record UploadTuning(long MultipartThreshold, long PartSize, int ParallelParts)
{
    public const long MiB = 1024 * 1024;

    /// <summary>S3's smallest part but the last.</summary>
    public const long MinPartSize = 5 * MiB;

    /// <summary>S3's largest part.</summary>
    public const long MaxPartSize = 5L * 1024 * MiB;

    /// <summary>64 MiB in one PUT (one retry costs at most that), 16 MiB parts, four at a time.</summary>
    public static UploadTuning Default { get; } = new(64 * MiB, 16 * MiB, 4);

    /// <summary>Tries of one PUT when the network or S3 (5xx, 429) fails; a refusal (4xx) is not tried again.</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>The wait before the second try; it grows with each further try.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long each presigned URL is valid. Each is made just before its request, so a short life suffices: S3
    /// checks the expiry when a request starts, not while its body is sent.
    /// </summary>
    public TimeSpan UrlLifetime { get; init; } = TimeSpan.FromMinutes(15);
}
