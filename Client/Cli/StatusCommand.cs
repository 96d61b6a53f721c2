using System.CommandLine;
using Transcoder.Client.Jobs;
using Transcoder.Client.Settings;
using Transcoder.Shared.Hosting;
using Transcoder.Shared.Settings;

namespace Transcoder.Client.Cli;

/// <summary><c>transcoder status KEY</c>: what the upload's output folder says (done, failed, or not yet).</summary>
internal sealed class StatusCommand
{
    private readonly CommandContext _context;

    public StatusCommand(CommandContext context)
    {
        _context = context;
        Command = new Command("status", "Prints the job's result for an upload: renditions, duration and files (manifest.json), the error (failure.json), or that it is still processing.")
        {
            Key,
        };
        Command.SetAction(RunAsync);
    }

    public Command Command { get; }

    public Argument<string> Key { get; } = new("KEY") { Description = "The upload's key in the temp bucket, as upload printed it." };

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var reader = new SettingReader(_context.Settings.Lookup(parse, _context.Environment));
        var settings = ClientSettingsReader.Read(reader, needsOutputs: true);
        var key = UploadKey.Read(parse.GetValue(Key), reader);
        if (reader.Errors.Count > 0)
        {
            throw new UsageException(reader.Errors);
        }

        using var s3 = _context.Services.CreateS3(settings);
        var folder = OutputFolderLocation.For(settings.RequiredOutputs, settings.UploadBucket, key);
        var status = await new JobStatusReader(s3).ReadAsync(folder, cancellationToken);
        return JobStatusPrinter.Print(status, _context.Console.Out);
    }
}
