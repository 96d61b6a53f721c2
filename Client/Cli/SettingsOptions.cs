using System.CommandLine;
using Transcoder.Client.Settings;

namespace Transcoder.Client.Cli;

/// <summary>
/// The options every command takes (before or after its name), each mapped onto the environment variable it
/// replaces, so that one <see cref="Shared.Settings.SettingReader"/> reads both: the option when given, else the variable.
/// </summary>
internal sealed class SettingsOptions
{
    public SettingsOptions()
    {
        All = [UploadBucket, UploadPrefix, ProdBucket, OutputPrefix, Region, Endpoint];
        foreach (var option in All)
        {
            option.Recursive = true;
        }
    }

    public IReadOnlyList<Option<string?>> All { get; }

    public Option<string?> UploadBucket { get; } = new("--upload-bucket") { Description = $"The temp bucket uploads land in. Env: {ClientEnvironment.UploadBucket}.", HelpName = "bucket" };

    public Option<string?> UploadPrefix { get; } = new("--upload-prefix") { Description = $"Key prefix of an upload without --key (default none). Env: {ClientEnvironment.UploadPrefix}.", HelpName = "prefix" };

    public Option<string?> ProdBucket { get; } = new("--prod-bucket") { Description = $"The bucket the job's outputs go to. Env: {ClientEnvironment.ProdBucket}.", HelpName = "bucket" };

    public Option<string?> OutputPrefix { get; } = new("--output-prefix") { Description = $"Key prefix of the outputs in the prod bucket (default none). Env: {ClientEnvironment.OutputPrefix}.", HelpName = "prefix" };

    public Option<string?> Region { get; } = new("--region") { Description = $"The buckets' region. Env: {ClientEnvironment.Region} (or {ClientEnvironment.DefaultRegion}).", HelpName = "region" };

    public Option<string?> Endpoint { get; } = new("--endpoint") { Description = $"An S3 endpoint of its own (an emulator). Env: {ClientEnvironment.S3Endpoint} or {ClientEnvironment.Endpoint}.", HelpName = "url" };

    /// <summary>The option's value when given, else the environment's.</summary>
    public Func<string, string?> Lookup(ParseResult parse, IReadOnlyDictionary<string, string> environment)
    {
        var given = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [ClientEnvironment.UploadBucket] = parse.GetValue(UploadBucket),
            [ClientEnvironment.UploadPrefix] = parse.GetValue(UploadPrefix),
            [ClientEnvironment.ProdBucket] = parse.GetValue(ProdBucket),
            [ClientEnvironment.OutputPrefix] = parse.GetValue(OutputPrefix),
            [ClientEnvironment.Region] = parse.GetValue(Region),
            // The most specific endpoint variable, so that the option wins over both.
            [ClientEnvironment.S3Endpoint] = parse.GetValue(Endpoint),
        };
        return name => given.GetValueOrDefault(name) ?? environment.GetValueOrDefault(name);
    }
}
