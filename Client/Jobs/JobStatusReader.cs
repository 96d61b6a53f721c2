using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.S3;
using Transcoder.Shared.Outputs;

namespace Transcoder.Client.Jobs;

/// <summary>
/// Reads an upload's output folder: <c>manifest.json</c> (done) or <c>failure.json</c> (refused). A folder can hold
/// both when one upload of the key failed and another succeeded: the later document tells the current state.
/// </summary>
internal sealed class JobStatusReader(IAmazonS3 s3)
{
    public async Task<JobStatus> ReadAsync(OutputFolderLocation folder, CancellationToken cancellationToken)
    {
        var manifest = await ReadAsync(folder, JobManifest.FileName, ManifestJsonContext.Default.JobManifest, cancellationToken);
        var failure = await ReadAsync(folder, FailureRecord.FileName, ManifestJsonContext.Default.FailureRecord, cancellationToken);
        return (manifest, failure) switch
        {
            ({ } done, { } failed) when failed.FailedAt > done.CompletedAt => new JobFailed(folder, failed),
            ({ } done, _) => new JobDone(folder, done),
            (null, { } failed) => new JobFailed(folder, failed),
            _ => new JobProcessing(folder),
        };
    }

    private async Task<T?> ReadAsync<T>(OutputFolderLocation folder, string file, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            using var response = await s3.GetObjectAsync(folder.Bucket, folder.KeyOf(file), cancellationToken);
            return await JsonSerializer.DeserializeAsync(response.ResponseStream, type, cancellationToken)
                ?? throw new InvalidDataException($"{folder}{file} is empty JSON (null)");
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound && missing.ErrorCode != "NoSuchBucket")
        {
            return null;
        }
        catch (JsonException unreadable)
        {
            throw new InvalidDataException($"{folder}{file} is not the job's JSON: {unreadable.Message}", unreadable);
        }
    }
}
