namespace Transcoder.Shared.Aws;

/// <summary>
/// The AWS SDK's standard variables that say where a client connects and as whom
/// (https://docs.aws.amazon.com/sdkref/latest/guide/settings-reference.html). Every program reads them through
/// <see cref="AwsConnection"/>; the local launcher hands them on to its jobs as a task definition would.
/// </summary>
public static class AwsEnvironment
{
    /// <summary>The region.</summary>
    public const string Region = "AWS_REGION";

    /// <summary>The AWS CLI's older name for the region, read after <see cref="Region"/>.</summary>
    public const string DefaultRegion = "AWS_DEFAULT_REGION";

    /// <summary>One endpoint for every service (an emulator), read after the service's own.</summary>
    public const string Endpoint = "AWS_ENDPOINT_URL";

    /// <summary>S3's own endpoint (the job's and the client's buckets).</summary>
    public const string S3Endpoint = Endpoint + "_S3";

    /// <summary>SQS's own endpoint (the queues of the job and the dispatcher).</summary>
    public const string SqsEndpoint = Endpoint + "_SQS";

    /// <summary>ECS's own endpoint (the dispatcher's RunTask).</summary>
    public const string EcsEndpoint = Endpoint + "_ECS";

    /// <summary>The access key id of static credentials.</summary>
    public const string AccessKeyId = "AWS_ACCESS_KEY_ID";

    /// <summary>The secret of <see cref="AccessKeyId"/>.</summary>
    public const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";

    /// <summary>The session token of temporary credentials.</summary>
    public const string SessionToken = "AWS_SESSION_TOKEN";

    /// <summary>A named profile of the shared credentials file.</summary>
    public const string Profile = "AWS_PROFILE";

    /// <summary>Every variable above.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Endpoint, S3Endpoint, SqsEndpoint, EcsEndpoint, Region, DefaultRegion, AccessKeyId, SecretAccessKey, SessionToken, Profile];
}
