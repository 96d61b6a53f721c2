using System.Text.RegularExpressions;
using Transcoder.Shared.Aws;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Settings;

namespace Transcoder.Client.Settings;

/// <summary>
/// Reads <see cref="ClientSettings"/> with the pipeline's one <see cref="SettingReader"/>, whose lookup gives the
/// command line first and the environment second. Problems go to the reader, so that a command adds its own and
/// reports them all at once.
/// </summary>
internal static partial class ClientSettingsReader
{
    /// <param name="needsOutputs">Whether the command reads the prod bucket (status, urls, upload --wait).</param>
    public static ClientSettings Read(SettingReader reader, bool needsOutputs)
    {
        var uploadBucket = Bucket(reader, ClientEnvironment.UploadBucket, "--upload-bucket", "the temp bucket (where uploads land)");
        var uploadPrefix = S3Output.Create(uploadBucket, reader.Raw(ClientEnvironment.UploadPrefix)).Prefix;

        S3Output? outputs = null;
        if (needsOutputs)
        {
            var prodBucket = Bucket(reader, ClientEnvironment.ProdBucket, "--prod-bucket", "the prod bucket (where the job's outputs go)");
            outputs = S3Output.Create(prodBucket, reader.Raw(ClientEnvironment.OutputPrefix));
        }

        var endpoint = Endpoint(reader);
        var region = reader.Text(ClientEnvironment.Region) ?? reader.Text(ClientEnvironment.DefaultRegion);
        if (region is not null && !RegionName().IsMatch(region))
        {
            reader.Error($"region '{region}' is not a region name like eu-west-1 (--region or {ClientEnvironment.Region})");
        }
        else if (region is null && endpoint is null)
        {
            reader.Error($"no region: pass --region or set {ClientEnvironment.Region}");
        }

        // Without an endpoint override the SDK needs a region; with one (an emulator) any region signs.
        return new ClientSettings(
            uploadBucket, uploadPrefix, outputs, region ?? (endpoint is null ? null : AwsConnection.LocalRegion), endpoint,
            reader.List(ClientEnvironment.RenditionNames))
        {
            Credentials = AwsConnection.CredentialsFrom(reader.Text),
        };
    }

    private static string Bucket(SettingReader reader, string name, string option, string what)
    {
        var value = reader.Text(name);
        if (value is null)
        {
            reader.Error($"{what} is not set: pass {option} or set {name}");
            return "";
        }

        // A bucket name, not s3://bucket or bucket/prefix: the prefix has its own setting.
        if (!BucketName().IsMatch(value))
        {
            reader.Error($"{name} '{value}' is not a bucket name (3-63 lower-case letters, digits, '.' or '-'; no s3:// and no prefix)");
        }

        return value;
    }

    private static Uri? Endpoint(SettingReader reader)
    {
        // The option is mapped onto the S3-specific name, so it wins over both variables.
        var text = reader.Text(ClientEnvironment.S3Endpoint) ?? reader.Text(ClientEnvironment.Endpoint);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        reader.Error($"endpoint '{text}' must be an http:// or https:// URL (--endpoint, {ClientEnvironment.S3Endpoint} or {ClientEnvironment.Endpoint})");
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();

    [GeneratedRegex("^[a-z]{2,}(-[a-z0-9]+)+$")]
    private static partial Regex RegionName();
}
