using System.Collections.Concurrent;
using System.Web;

namespace Transcoder.Client.Tests.Support;

/// <summary>
/// Stands between the client and S3 and spoils chosen part uploads: the fault decides, from the part number, an answer
/// of its own or null to let the request through. Records the multipart upload ids it saw and the tries of each part.
/// </summary>
public sealed class PartFaultHandler(Func<int, CancellationToken, Task<HttpResponseMessage?>> fault, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public ConcurrentDictionary<string, byte> UploadIds { get; } = new();

    public ConcurrentDictionary<int, int> TriesOfPart { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
        if (query["uploadId"] is { } uploadId && int.TryParse(query["partNumber"], out var part))
        {
            UploadIds.TryAdd(uploadId, 0);
            TriesOfPart.AddOrUpdate(part, 1, (_, tries) => tries + 1);
            if (await fault(part, cancellationToken) is { } answer)
            {
                answer.RequestMessage = request;
                return answer;
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
