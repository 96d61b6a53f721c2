using Transcoder.Client.Aws;
using Transcoder.Client.Progress;

namespace Transcoder.Client.Uploading;

/// <summary>
/// One PUT of a file's byte range to a presigned URL with a plain HttpClient: no credentials travel, only the URL and
/// the headers it was signed with. A network failure, a 5xx or a 429 is tried again (the URL is made again for each
/// try, so a slow first try cannot leave an expired one); a refusal is not.
/// </summary>
internal sealed class PresignedPut(HttpClient http, IUploadProgress progress, UploadTuning tuning, TimeProvider time)
{
    /// <param name="presign">Makes the URL (called once per try).</param>
    /// <param name="headers">The signed headers to send (the x-amz-meta-* of the upload's options).</param>
    /// <param name="what">What is sent, for an error line ("part 3").</param>
    public async Task<PutResponse> SendAsync(
        Func<Task<string>> presign, string path, FilePart part, IReadOnlyDictionary<string, string> headers, string what, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            long sent = 0;
            using var request = new HttpRequestMessage(HttpMethod.Put, await presign())
            {
                Content = new FileSliceContent(path, part, bytes =>
                {
                    sent += bytes;
                    progress.Add(bytes);
                }),
            };
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return Read(response, what);
                }

                var error = await S3ErrorText.ReadAsync(response, cancellationToken);
                if (!PresignedRequestException.IsRetryable(response.StatusCode) || attempt >= tuning.Attempts)
                {
                    throw new PresignedRequestException(response.StatusCode, $"S3 refused the PUT of {what}: {error}");
                }
            }
            catch (HttpRequestException) when (attempt < tuning.Attempts && !cancellationToken.IsCancellationRequested)
            {
                // Tried again below.
            }

            progress.Add(-sent);
            await Task.Delay(tuning.RetryDelay * attempt, time, cancellationToken);
        }
    }

    private static PutResponse Read(HttpResponseMessage response, string what)
    {
        // The raw header: an ETag is opaque, and a parser's idea of a valid one must not lose it.
        var etag = response.Headers.TryGetValues("ETag", out var tags) ? tags.FirstOrDefault() : null;
        if (string.IsNullOrWhiteSpace(etag))
        {
            throw new PresignedRequestException(response.StatusCode, $"S3 accepted the PUT of {what} but sent no ETag");
        }

        var version = response.Headers.TryGetValues("x-amz-version-id", out var versions) ? versions.FirstOrDefault() : null;
        return new PutResponse(etag.Trim().Trim('"'), version);
    }
}
