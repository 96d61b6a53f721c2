using Microsoft.Extensions.Logging;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Pipeline;

/// <summary>Writes <c>failure.json</c> where the outputs would have gone: the last word about a bad input.</summary>
internal static class FailureRecords
{
    public static async Task TryWriteAsync(
        IOutputStore output, string jobId, string? sourceUri, string? revision, JobException failure, DateTimeOffset now, ILogger logger)
    {
        try
        {
            var record = new FailureRecord(FailureRecord.CurrentSchemaVersion, jobId, sourceUri ?? "unknown", revision, failure.Message, now, failure.Detail);
            var path = Path.Combine(Path.GetTempPath(), $"failure-{Guid.NewGuid():N}.json");
            try
            {
                await File.WriteAllTextAsync(path, ManifestJson.Write(record));
                // Not cancellable: this is the last word about a bad input, and it is small.
                await output.WriteFileAsync(FailureRecord.FileName, path, ContentTypes.For(FailureRecord.FileName), CancellationToken.None);
            }
            finally
            {
                File.Delete(path);
            }
        }
        catch (Exception exception) when (exception is JobException or IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not write {FailureRecord} to {Location}: {Error}", FailureRecord.FileName, output.Location, exception.Message);
        }
    }
}
