using System.Collections.Concurrent;
using System.Net;
using System.Security;
using System.Text;

namespace Transcoder.LocalAws.S3;

/// <summary>
/// An HttpClient handler that lets a presigned request through to the emulator only when S3 would accept it
/// (<see cref="PresignedUrlVerifier"/>), and otherwise answers 403 with S3's XML error, as S3 would. It stands where
/// S3's own check stands, so a client that signs the wrong headers, or sends headers it did not sign, fails here
/// as it would against AWS.
/// </summary>
public sealed class PresignedUrlCheckingHandler(Func<string, string?> secretKeyOf, TimeProvider time, HttpMessageHandler inner)
    : DelegatingHandler(inner)
{
    /// <summary>Checks against the emulator's credentials, on the real clock, sending to the emulator.</summary>
    public PresignedUrlCheckingHandler()
        : this(key => key == FauxqsEmulator.AccessKey ? FauxqsEmulator.SecretKey : null, TimeProvider.System, new SocketsHttpHandler())
    {
    }

    /// <summary>Every request checked, as "METHOD path: accepted" or "METHOD path: Code: Message".</summary>
    public ConcurrentQueue<string> Checked { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri ?? throw new InvalidOperationException("a request without a URL");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[name] = string.Join(',', values);
        }

        var problem = PresignedUrlVerifier.Verify(request.Method.Method, url, headers, secretKeyOf, time.GetUtcNow());
        Checked.Enqueue($"{request.Method} {url.AbsolutePath}: {(problem is null ? "accepted" : $"{problem.Code}: {problem.Message}")}");
        if (problem is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var xml = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{problem.Code}</Code><Message>{SecurityElement.Escape(problem.Message)}</Message></Error>";
        return new HttpResponseMessage(HttpStatusCode.Forbidden)
        {
            RequestMessage = request,
            Content = new StringContent(xml, Encoding.UTF8, "application/xml"),
        };
    }
}
