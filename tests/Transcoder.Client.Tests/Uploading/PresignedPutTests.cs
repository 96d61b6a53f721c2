using System.Net;
using System.Text;
using Transcoder.Client.Aws;
using Transcoder.Client.Tests.Support;
using Transcoder.Client.Uploading;

namespace Transcoder.Client.Tests.Uploading;

/// <summary>One PUT to a presigned URL against a scripted server: what it sends, what it tries again, what it gives up on.</summary>
public sealed class PresignedPutTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static HttpResponseMessage Ok(string etag)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.TryAddWithoutValidation("ETag", $"\"{etag}\"");
        return response;
    }

    private static HttpResponseMessage S3Error(HttpStatusCode status, string code) => new(status)
    {
        Content = new StringContent($"<?xml version=\"1.0\"?><Error><Code>{code}</Code><Message>said S3</Message></Error>", Encoding.UTF8, "application/xml"),
    };

    private static async Task<PutResponse> SendAsync(ScriptedHandler server, RecordingProgress progress, string path, FilePart part, int[] presigned)
    {
        using var http = new HttpClient(server);
        var put = new PresignedPut(http, progress, UploadTuning.Default with { RetryDelay = TimeSpan.Zero }, TimeProvider.System);
        return await put.SendAsync(
            () => Task.FromResult($"http://s3.test/bucket/key?try={Interlocked.Increment(ref presigned[0])}"),
            path,
            part,
            new Dictionary<string, string> { ["x-amz-meta-renditions"] = "720p" },
            "part 2",
            CancellationToken.None);
    }

    [Test]
    public async Task SendAsync_ASlice_SendsExactlyItsBytesWithContentLengthAndTheHeaders()
    {
        // Arrange
        var path = _temp.RandomFile("video.bin", 100_000);
        var part = new FilePart(2, 30_000, 50_000);
        HttpRequestMessage? seen = null;
        using var server = new ScriptedHandler((request, _, _) =>
        {
            seen = request;
            return Ok("abc");
        });
        var progress = new RecordingProgress();

        // Act
        var response = await SendAsync(server, progress, path, part, [0]);

        // Assert
        var sent = server.Requests.Single();
        Assert.That(response, Is.EqualTo(new PutResponse("abc", null)));
        Assert.That(sent.Method, Is.EqualTo(HttpMethod.Put));
        Assert.That(sent.ContentLength, Is.EqualTo(50_000), "S3 refuses a presigned PUT without Content-Length");
        Assert.That(sent.Body, Is.EqualTo(File.ReadAllBytes(path)[30_000..80_000]));
        Assert.That(seen!.Headers.GetValues("x-amz-meta-renditions"), Is.EqualTo(new[] { "720p" }));
        Assert.That(seen.Headers.Authorization, Is.Null, "no credentials travel with a presigned request");
        Assert.That(progress.Sent, Is.EqualTo(50_000));
    }

    [Test]
    public async Task SendAsync_TwoServerErrors_TriesAgainWithANewUrlAndCountsTheBytesOnce()
    {
        // Arrange
        var path = _temp.RandomFile("video.bin", 40_000);
        using var server = new ScriptedHandler((_, _, call) => call < 3 ? S3Error(HttpStatusCode.ServiceUnavailable, "SlowDown") : Ok("third"));
        var progress = new RecordingProgress();
        var presigned = new[] { 0 };

        // Act
        var response = await SendAsync(server, progress, path, new FilePart(1, 0, 40_000), presigned);

        // Assert
        Assert.That(response.ETag, Is.EqualTo("third"));
        Assert.That(server.Requests.Select(r => r.Url.Query), Is.EqualTo(new[] { "?try=1", "?try=2", "?try=3" }));
        Assert.That(presigned[0], Is.EqualTo(3));
        Assert.That(progress.Sent, Is.EqualTo(40_000), "the failed tries' bytes are taken back");
    }

    [Test]
    public async Task SendAsync_Refused_NotTriedAgainAndSaysWhy()
    {
        // Arrange
        var path = _temp.RandomFile("video.bin", 1000);
        using var server = new ScriptedHandler((_, _, _) => S3Error(HttpStatusCode.Forbidden, "SignatureDoesNotMatch"));

        // Act
        var failure = await Assert.ThrowsAsync<PresignedRequestException>(() => SendAsync(server, new RecordingProgress(), path, new FilePart(1, 0, 1000), [0]));

        // Assert
        Assert.That(server.Requests, Has.Count.EqualTo(1));
        Assert.That(failure!.Message, Is.EqualTo("S3 refused the PUT of part 2: HTTP 403 Forbidden: SignatureDoesNotMatch: said S3"));
    }

    [Test]
    public async Task SendAsync_ServerErrorsToTheLastTry_GivesUpAfterThree()
    {
        // Arrange
        var path = _temp.RandomFile("video.bin", 1000);
        using var server = new ScriptedHandler((_, _, _) => S3Error(HttpStatusCode.InternalServerError, "InternalError"));

        // Act
        var failure = await Assert.ThrowsAsync<PresignedRequestException>(() => SendAsync(server, new RecordingProgress(), path, new FilePart(1, 0, 1000), [0]));

        // Assert
        Assert.That(server.Requests, Has.Count.EqualTo(UploadTuning.Default.Attempts));
        Assert.That(failure!.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
    }

    [Test]
    public void SendAsync_NoETagInTheAnswer_Fails()
    {
        // Arrange
        var path = _temp.RandomFile("video.bin", 1000);
        using var server = new ScriptedHandler((_, _, _) => new HttpResponseMessage(HttpStatusCode.OK));

        // Act / Assert
        Assert.That(
            () => SendAsync(server, new RecordingProgress(), path, new FilePart(1, 0, 1000), [0]),
            Throws.InstanceOf<PresignedRequestException>().With.Message.Contains("no ETag"));
    }
}
