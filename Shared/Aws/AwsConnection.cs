using Amazon;
using Amazon.Runtime;

namespace Transcoder.Shared.Aws;

/// <summary>
/// Where an AWS SDK client connects and with which credentials: the one setup behind the job's, the dispatcher's and
/// the client's clients, so that the same binary talks to AWS or to a local emulator.
/// </summary>
/// <param name="Region">The region; null leaves it to the SDK (a profile, the instance's metadata).</param>
/// <param name="Endpoint">An endpoint of its own (an emulator, an S3-compatible store); null for AWS.</param>
/// <param name="Credentials">Static credentials; null for the SDK's default chain (environment, profile, ECS task role).</param>
public sealed record AwsConnection(string? Region, Uri? Endpoint, AWSCredentials? Credentials)
{
    /// <summary>The region assumed against an endpoint of its own, where a region only signs: one variable less to set.</summary>
    public const string LocalRegion = "us-east-1";

    /// <summary>
    /// The connection the SDK's standard variables describe for one service: its own endpoint variable
    /// (<paramref name="serviceEndpoint"/>), then <c>AWS_ENDPOINT_URL</c>; <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>; static credentials when the
    /// settings hold a key pair. Read from <paramref name="setting"/> rather than the process: the dispatcher's may come
    /// from appsettings.json or its command line, and a program hosted by another gets its own environment.
    /// </summary>
    /// <param name="setting">The value of a setting, null when it is not set.</param>
    /// <param name="serviceEndpoint">The service's endpoint variable, such as <see cref="AwsEnvironment.S3Endpoint"/>.</param>
    public static AwsConnection FromSettings(Func<string, string?> setting, string serviceEndpoint)
    {
        var name = Text(setting, serviceEndpoint) is null ? AwsEnvironment.Endpoint : serviceEndpoint;
        Uri? endpoint = null;
        if (Text(setting, name) is { } text && !Uri.TryCreate(text, UriKind.Absolute, out endpoint))
        {
            // What the SDK itself throws for settings it cannot use: the programs report it as an AWS problem.
            throw new AmazonClientException($"{name} must be a URL such as http://127.0.0.1:4566, not '{text}'");
        }

        return new AwsConnection(Text(setting, AwsEnvironment.Region) ?? Text(setting, AwsEnvironment.DefaultRegion), endpoint, CredentialsFrom(setting));
    }

    /// <summary>Static credentials when <paramref name="setting"/> holds a key pair (and maybe a session token); else null.</summary>
    /// <param name="setting">The value of a setting, null when it is not set.</param>
    public static AWSCredentials? CredentialsFrom(Func<string, string?> setting) =>
        Text(setting, AwsEnvironment.AccessKeyId) is { } accessKey && Text(setting, AwsEnvironment.SecretAccessKey) is { } secretKey
            ? Text(setting, AwsEnvironment.SessionToken) is { } token
                ? new SessionAWSCredentials(accessKey, secretKey, token)
                : new BasicAWSCredentials(accessKey, secretKey)
            : null;

    /// <summary>
    /// Points <paramref name="config"/> at this connection: the endpoint with the region as the signing region (an S3
    /// client also wants <c>ForcePathStyle</c>, see <see cref="HasEndpoint"/>), or the region's AWS endpoint.
    /// </summary>
    /// <param name="config">A new client configuration, such as <c>new AmazonS3Config()</c>.</param>
    public TConfig Configure<TConfig>(TConfig config)
        where TConfig : ClientConfig
    {
        ArgumentNullException.ThrowIfNull(config);
        if (Endpoint is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = Region ?? LocalRegion;
        }
        else if (Region is { } region)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return config;
    }

    /// <summary>
    /// Whether an endpoint of its own is set: emulators and S3-compatible stores serve buckets as paths, not host names,
    /// so an S3 client then sets <c>ForcePathStyle</c>.
    /// </summary>
    public bool HasEndpoint => Endpoint is not null;

    private static string? Text(Func<string, string?> setting, string name) =>
        setting(name) is { } value && value.Trim().Length > 0 ? value.Trim() : null;
}
