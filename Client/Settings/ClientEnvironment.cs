using Transcoder.Shared;
using Transcoder.Shared.Aws;

namespace Transcoder.Client.Settings;

/// <summary>
/// The environment variables the client falls back to when an option is not given. The pipeline's own names where
/// they exist (the job's output bucket and prefix, the AWS SDK's region and endpoint, the dispatcher's custom rendition
/// names), new ones for what only an uploader needs.
/// </summary>
internal static class ClientEnvironment
{
    /// <summary>The temp bucket uploads land in (the stack's upload bucket). New: the job and dispatcher learn it from the event.</summary>
    public const string UploadBucket = "UPLOAD_BUCKET";

    /// <summary>Key prefix of an upload when no <c>--key</c> is given (default: none).</summary>
    public const string UploadPrefix = "UPLOAD_PREFIX";

    /// <summary>The bucket the job's outputs go to.</summary>
    public const string ProdBucket = JobEnvironment.OutputBucket;

    /// <summary>The key prefix under <see cref="ProdBucket"/>; the job adds one folder per upload below it.</summary>
    public const string OutputPrefix = JobEnvironment.OutputPrefix;

    /// <summary>The region of the buckets (and of the signature).</summary>
    public const string Region = AwsEnvironment.Region;

    /// <summary>The AWS CLI's older name for the region, read after <see cref="Region"/>.</summary>
    public const string DefaultRegion = AwsEnvironment.DefaultRegion;

    /// <summary>An S3 endpoint of its own (an emulator, an S3-compatible store): the SDK's service-specific name wins.</summary>
    public const string S3Endpoint = AwsEnvironment.S3Endpoint;

    /// <summary>One endpoint for every AWS service, read after <see cref="S3Endpoint"/>.</summary>
    public const string Endpoint = AwsEnvironment.Endpoint;

    /// <summary>The dispatcher's list of a custom ladder's rendition names, so that the client accepts them too.</summary>
    public const string RenditionNames = "RENDITION_NAMES";
}
