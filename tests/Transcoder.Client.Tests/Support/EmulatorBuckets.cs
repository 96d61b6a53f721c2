using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Transcoder.Client.Aws;
using Transcoder.Client.Hosting;
using Transcoder.Client.Settings;
using Transcoder.Client.Uploading;
using Transcoder.LocalAws;
using Transcoder.LocalAws.S3;

namespace Transcoder.Client.Tests.Support;

/// <summary>
/// A temp and a prod bucket of one test in the shared emulator, and the client wired to them: the SDK with the
/// emulator's credentials, presigned requests through <see cref="PresignedUrlCheckingHandler"/> (the signature check
/// the emulator lacks).
/// </summary>
public sealed class EmulatorBuckets : IAsyncDisposable
{
    public const string OutputPrefix = "renditions";

    private EmulatorBuckets(FauxqsEmulator emulator, AmazonS3Client s3)
    {
        Emulator = emulator;
        S3 = s3;
    }

    public FauxqsEmulator Emulator { get; }

    /// <summary>An SDK client for the test's own reads and writes.</summary>
    public AmazonS3Client S3 { get; }

    public string TempBucket { get; } = $"temp-{Guid.NewGuid():N}"[..20];

    public string ProdBucket { get; } = $"prod-{Guid.NewGuid():N}"[..20];

    public PresignedUrlCheckingHandler Checks { get; } = new();

    /// <summary>The variables a user would set to point the client at these buckets.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        [ClientEnvironment.UploadBucket] = TempBucket,
        [ClientEnvironment.ProdBucket] = ProdBucket,
        [ClientEnvironment.OutputPrefix] = OutputPrefix,
        [ClientEnvironment.Endpoint] = Emulator.Endpoint.ToString(),
    };

    public static async Task<EmulatorBuckets> CreateAsync(CancellationToken cancellationToken)
    {
        var emulator = await FauxqsEmulator.Shared;
        var buckets = new EmulatorBuckets(emulator, emulator.CreateS3Client());
        await buckets.S3.PutBucketAsync(buckets.TempBucket, cancellationToken);
        await buckets.S3.PutBucketAsync(buckets.ProdBucket, cancellationToken);
        return buckets;
    }

    /// <summary>The client's services: its own S3 client factory (with the emulator's credentials), the checking handler.</summary>
    internal ClientServices Services(TimeProvider? time = null) => new(
        settings => S3ClientFactory.Create(settings, new BasicAWSCredentials(FauxqsEmulator.AccessKey, FauxqsEmulator.SecretKey)),
        Checks,
        time ?? TimeProvider.System)
    {
        PollInterval = TimeSpan.FromMilliseconds(100),
        Tuning = UploadTuning.Default with { RetryDelay = TimeSpan.Zero },
    };

    public async Task<byte[]> ReadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        using var response = await S3.GetObjectAsync(bucket, key, cancellationToken);
        using var memory = new MemoryStream();
        await response.ResponseStream.CopyToAsync(memory, cancellationToken);
        return memory.ToArray();
    }

    public async Task<bool> ExistsAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            await S3.GetObjectMetadataAsync(bucket, key, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task PutTextAsync(string bucket, string key, string text, CancellationToken cancellationToken) =>
        await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = text, ContentType = "application/json" }, cancellationToken);

    public ValueTask DisposeAsync()
    {
        S3.Dispose();
        Checks.Dispose();
        return ValueTask.CompletedTask;
    }
}
