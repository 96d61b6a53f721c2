using Amazon.Runtime;
using Transcoder.Shared.Jobs;

namespace Transcoder.Client.Settings;

/// <summary>Where uploads and outputs live and how to reach S3, read from options and the environment.</summary>
/// <param name="UploadBucket">The temp bucket uploads land in.</param>
/// <param name="UploadPrefix">Empty, or the key prefix of an upload when no key is given.</param>
/// <param name="Outputs">The prod bucket and prefix; null when the command does not read outputs.</param>
/// <param name="Region">The region; null only with an <paramref name="Endpoint"/>.</param>
/// <param name="Endpoint">An S3 endpoint of its own (an emulator), or null for AWS.</param>
/// <param name="RenditionNames">A custom ladder's names that are valid besides height-shaped ones like <c>540p</c>.</param>
internal sealed record ClientSettings(
    string UploadBucket,
    string UploadPrefix,
    S3Output? Outputs,
    string? Region,
    Uri? Endpoint,
    IReadOnlyList<string> RenditionNames)
{
    /// <summary>A key pair from the environment (<c>AWS_ACCESS_KEY_ID</c>, …); null for the SDK's default chain.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>The outputs, for the commands that need them (the reader has then checked they are set).</summary>
    public S3Output RequiredOutputs => Outputs ?? throw new InvalidOperationException("the prod bucket was not read for this command");
}
