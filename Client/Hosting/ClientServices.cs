using Amazon.S3;
using Transcoder.Client.Aws;
using Transcoder.Client.Settings;
using Transcoder.Client.Uploading;

namespace Transcoder.Client.Hosting;

/// <summary>What the commands talk to: S3 through the SDK (presigning, multipart calls, reads), plain HTTP for the
/// presigned requests, and a clock. Tests replace them (the emulator's credentials, a handler that checks signatures).</summary>
/// <param name="CreateS3">The S3 client of the settings.</param>
/// <param name="HttpHandler">Sends the presigned requests; the client never disposes it.</param>
internal sealed record ClientServices(Func<ClientSettings, IAmazonS3> CreateS3, HttpMessageHandler HttpHandler, TimeProvider Time)
{
    /// <summary>How often <c>upload --wait</c> looks at the output folder.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The upload's tuning before the command line's options change it.</summary>
    public UploadTuning Tuning { get; init; } = UploadTuning.Default;

    /// <summary>AWS (or the endpoint of the settings) with the SDK's default credentials.</summary>
    public static ClientServices Default() => new(settings => S3ClientFactory.Create(settings), new SocketsHttpHandler(), TimeProvider.System);

    /// <summary>An HttpClient over <see cref="HttpHandler"/>.</summary>
    public HttpClient CreateHttpClient() => new(HttpHandler, disposeHandler: false)
    {
        // A part of 16 MiB on a slow uplink outlasts HttpClient's 100 s default; S3 closes a stalled request itself.
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
