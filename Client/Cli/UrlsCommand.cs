using System.CommandLine;
using Transcoder.Client.Aws;
using Transcoder.Client.Hosting;
using Transcoder.Client.Jobs;
using Transcoder.Client.Settings;
using Transcoder.Client.Urls;
using Transcoder.Shared.Hosting;
using Transcoder.Shared.Outputs;
using Transcoder.Shared.Settings;

namespace Transcoder.Client.Cli;

/// <summary><c>transcoder urls KEY</c>: presigned GET URLs of a finished job's playable files, one <c>FILE URL</c> line each.</summary>
internal sealed class UrlsCommand
{
    private static readonly TimeSpan DefaultExpiry = TimeSpan.FromHours(1);

    // SigV4's limit on a presigned URL's life.
    private static readonly TimeSpan MaxExpiry = TimeSpan.FromDays(7);

    private readonly CommandContext _context;

    public UrlsCommand(CommandContext context)
    {
        _context = context;
        Command = new Command("urls", "Prints presigned GET URLs (FILE URL per line) for the master playlist, the DASH manifest, each rendition's MP4, the poster and manifest.json.")
        {
            Key, Expires,
        };
        Command.SetAction(RunAsync);
    }

    public Command Command { get; }

    public Argument<string> Key { get; } = new("KEY") { Description = "The upload's key in the temp bucket, as upload printed it." };

    public Option<string?> Expires { get; } = new("--expires")
    {
        Description = $"How long the URLs work, e.g. 15m, 1h, 7d (default {DurationText.Format(DefaultExpiry)}, at most {DurationText.Format(MaxExpiry)}).",
        HelpName = "duration",
    };

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var (console, services) = (_context.Console, _context.Services);
        var reader = new SettingReader(_context.Settings.Lookup(parse, _context.Environment));
        var settings = ClientSettingsReader.Read(reader, needsOutputs: true);
        var key = UploadKey.Read(parse.GetValue(Key), reader);
        var expires = DurationText.Read("--expires", parse.GetValue(Expires), DefaultExpiry, TimeSpan.FromSeconds(1), MaxExpiry, reader.Error);
        if (reader.Errors.Count > 0)
        {
            throw new UsageException(reader.Errors);
        }

        using var s3 = services.CreateS3(settings);
        var folder = OutputFolderLocation.For(settings.RequiredOutputs, settings.UploadBucket, key);
        switch (await new JobStatusReader(s3).ReadAsync(folder, cancellationToken))
        {
            case JobFailed failed:
                await console.Error.WriteLineAsync($"error: the job refused the upload: {failed.Failure.Error}");
                return ClientExitCodes.JobFailed;
            case JobDone done:
                var presigner = new Presigner(s3, services.Time);
                foreach (var file in OutputLinks.FilesOf(done.Manifest))
                {
                    await console.Out.WriteLineAsync($"{file} {await presigner.GetObjectAsync(folder.Bucket, folder.KeyOf(file), expires)}");
                }

                await console.Error.WriteLineAsync($"valid for {DurationText.Format(expires)}, until {(services.Time.GetUtcNow() + expires).UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
                return ClientExitCodes.Success;
            default:
                await console.Error.WriteLineAsync($"error: no {JobManifest.FileName} in {folder} yet: the job has not finished");
                return ClientExitCodes.NotYet;
        }
    }
}
