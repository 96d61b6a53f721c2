using System.CommandLine;
using Transcoder.Client.Hosting;
using Transcoder.Client.Jobs;
using Transcoder.Client.Progress;
using Transcoder.Client.Settings;
using Transcoder.Client.Uploading;
using Transcoder.Shared.Hosting;
using Transcoder.Shared.Settings;

namespace Transcoder.Client.Cli;

/// <summary><c>transcoder upload FILE</c>: the file to the temp bucket through presigned URLs; with --wait, then the job's end.</summary>
internal sealed class UploadCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    private readonly CommandContext _context;

    public UploadCommand(CommandContext context)
    {
        _context = context;
        Command = new Command("upload", "Uploads a video to the temp bucket through presigned URLs (the upload itself carries no credentials); the pipeline transcodes it.")
        {
            File, Key, Renditions, Formats, Codecs, Passthrough, Wait, Timeout, MultipartThreshold, PartSize, ParallelParts,
        };
        Command.SetAction(RunAsync);
    }

    public Command Command { get; }

    public Argument<string> File { get; } = new("FILE") { Description = "The video file to upload." };

    public Option<string?> Key { get; } = new("--key") { Description = "Its key in the temp bucket (default: the upload prefix + the file name).", HelpName = "key" };

    public Option<string?> Renditions { get; } = new("--renditions", "-r") { Description = "Comma list of renditions, e.g. 1080p,720p (default: the whole ladder). Sent as metadata 'renditions'.", HelpName = "names" };

    public Option<string?> Formats { get; } = new("--formats") { Description = "Comma list of hls, dash, mp4 (default: all). Sent as metadata 'formats'.", HelpName = "list" };

    public Option<string?> Codecs { get; } = new("--codecs") { Description = "h264 (default), or h264,av1 for AV1 renditions beside the H.264 ones. Sent as metadata 'codecs'.", HelpName = "list" };

    public Option<string?> Passthrough { get; } = new("--passthrough") { Description = "Your own text (an order id), at most 255 printable ASCII characters, copied into manifest.json. Sent as metadata 'passthrough'.", HelpName = "text" };

    public Option<bool> Wait { get; } = new("--wait") { Description = "Then follow the job until manifest.json or failure.json appears, and print the status." };

    public Option<string?> Timeout { get; } = new("--timeout") { Description = $"With --wait: how long to wait, e.g. 90s, 15m, 2h (default {DurationText.Format(DefaultTimeout)}).", HelpName = "duration" };

    public Option<int?> MultipartThreshold { get; } = new("--multipart-threshold") { Description = $"Files above this many MiB go up in parts (default {UploadTuning.Default.MultipartThreshold / UploadTuning.MiB}).", HelpName = "MiB" };

    public Option<int?> PartSize { get; } = new("--part-size") { Description = $"MiB per part, 5 to 5120 (default {UploadTuning.Default.PartSize / UploadTuning.MiB}).", HelpName = "MiB" };

    public Option<int?> ParallelParts { get; } = new("--parallel-parts") { Description = $"Parts sent at once, 1 to 16 (default {UploadTuning.Default.ParallelParts}).", HelpName = "n" };

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var (console, services) = (_context.Console, _context.Services);
        var reader = new SettingReader(_context.Settings.Lookup(parse, _context.Environment));
        var wait = parse.GetValue(Wait);
        var settings = ClientSettingsReader.Read(reader, needsOutputs: wait);
        var path = UploadChecks.File(parse.GetValue(File) ?? "", reader);
        var key = parse.GetValue(Key) ?? settings.UploadPrefix + Path.GetFileName(path);
        UploadChecks.Key(key, reader);
        var options = new UploadJobOptions(parse.GetValue(Renditions), parse.GetValue(Formats), NullIfEmpty(parse.GetValue(Passthrough)))
        {
            Codecs = parse.GetValue(Codecs),
        };
        foreach (var problem in options.Problems(settings.RenditionNames))
        {
            reader.Error(problem);
        }

        var timeoutText = parse.GetValue(Timeout);
        var timeout = DurationText.Read("--timeout", timeoutText, DefaultTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromDays(7), reader.Error);
        if (timeoutText is not null && !wait)
        {
            reader.Error("--timeout applies only with --wait");
        }

        var tuning = UploadChecks.Tuning(
            _context.Services.Tuning, parse.GetValue(MultipartThreshold), parse.GetValue(PartSize), parse.GetValue(ParallelParts), reader);
        if (reader.Errors.Count > 0)
        {
            throw new UsageException(reader.Errors);
        }

        using var s3 = services.CreateS3(settings);
        using var http = services.CreateHttpClient();
        var size = new FileInfo(path).Length;
        var shape = size > tuning.MultipartThreshold ? Parts(PartPlan.For(size, tuning.PartSize).Count) : "one PUT";
        await console.Error.WriteLineAsync($"uploading {path} ({ByteSize.Format(size)}, {shape}) to s3://{settings.UploadBucket}/{key}");
        IUploadProgress progress = console.ErrorIsTerminal ? new TerminalProgressBar(console.Error, services.Time) : new ProgressLines(console.Error);
        var startedAt = services.Time.GetUtcNow();
        var uploaded = await new PresignedUploader(s3, http, tuning, progress, services.Time)
            .UploadAsync(path, settings.UploadBucket, key, options.ToMetadata(), cancellationToken);
        await console.Out.WriteLineAsync($"uploaded: s3://{uploaded.Bucket}/{uploaded.Key}");
        await console.Out.WriteLineAsync($"size: {ByteSize.Format(uploaded.Size)} in {shape}");
        await console.Out.WriteLineAsync($"revision: {uploaded.Revision}");
        if (!wait)
        {
            return ClientExitCodes.Success;
        }

        var folder = OutputFolderLocation.For(settings.RequiredOutputs, uploaded.Bucket, uploaded.Key);
        await console.Error.WriteLineAsync($"waiting for the job: looking at {folder} every {DurationText.Format(services.PollInterval)}, for up to {DurationText.Format(timeout)}");
        var status = await new JobWaiter(new JobStatusReader(s3), services.Time, services.PollInterval)
            .WaitAsync(folder, uploaded.Revision, startedAt, timeout, cancellationToken);
        return JobStatusPrinter.Print(status, console.Out);
    }

    private static string Parts(int count) => count == 1 ? "1 part" : $"{count} parts";

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
