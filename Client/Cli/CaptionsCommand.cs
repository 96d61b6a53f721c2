using System.CommandLine;
using Transcoder.Client.Hosting;
using Transcoder.Client.Jobs;
using Transcoder.Client.Progress;
using Transcoder.Client.Settings;
using Transcoder.Client.Uploading;
using Transcoder.Shared.Captions;
using Transcoder.Shared.Hosting;
using Transcoder.Shared.Settings;

namespace Transcoder.Client.Cli;

/// <summary>
/// <c>transcoder captions add KEY FILE --lang fr</c>: a caption file (WebVTT or SubRip) for the video uploaded as KEY,
/// checked here with the job's own reader, then uploaded beside the video under the caption naming rule
/// (<see cref="CaptionFileName"/>: <c>uploads/clip.mp4</c> takes <c>uploads/clip.fr.srt</c>). Its upload event starts
/// a caption job that attaches it to the video's outputs without encoding again.
/// </summary>
internal sealed class CaptionsCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private readonly CommandContext _context;

    public CaptionsCommand(CommandContext context)
    {
        _context = context;
        var add = new Command("add", "Uploads a caption file (.vtt or .srt, UTF-8) for a video already uploaded; it is attached to the video's outputs without encoding again.")
        {
            Key, File, Language, Forced, HearingImpaired, Wait, Timeout,
        };
        add.SetAction(AddAsync);
        Command = new Command("captions", "Caption files for uploaded videos.") { add };
    }

    public Command Command { get; }

    public Argument<string> Key { get; } = new("KEY") { Description = "The video's key in the temp bucket, as upload printed it." };

    public Argument<string> File { get; } = new("FILE") { Description = "The caption file: WebVTT (.vtt) or SubRip (.srt), in UTF-8." };

    public Option<string?> Language { get; } = new("--lang") { Description = "Its language, a BCP 47 tag such as fr, en-GB, pt-BR (required).", HelpName = "tag" };

    public Option<bool> Forced { get; } = new("--forced") { Description = "Forced subtitles: only on-screen text and foreign dialogue, shown even with subtitles off." };

    public Option<bool> HearingImpaired { get; } = new("--sdh") { Description = "Captions for the deaf and hard of hearing (speakers, sounds, music)." };

    public Option<bool> Wait { get; } = new("--wait") { Description = "Then wait until the video's manifest.json lists the caption, and print its status." };

    public Option<string?> Timeout { get; } = new("--timeout") { Description = $"With --wait: how long to wait (default {DurationText.Format(DefaultTimeout)}).", HelpName = "duration" };

    private async Task<int> AddAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var (console, services) = (_context.Console, _context.Services);
        var reader = new SettingReader(_context.Settings.Lookup(parse, _context.Environment));
        var wait = parse.GetValue(Wait);
        var settings = ClientSettingsReader.Read(reader, needsOutputs: wait);
        var videoKey = UploadKey.Read(parse.GetValue(Key), reader);
        var path = UploadChecks.File(parse.GetValue(File) ?? "", reader);
        var captionKey = CaptionChecks.Key(videoKey, path, parse.GetValue(Language), parse.GetValue(Forced), parse.GetValue(HearingImpaired), reader);
        var timeout = DurationText.Read("--timeout", parse.GetValue(Timeout), DefaultTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), reader.Error);
        if (reader.Errors.Count > 0)
        {
            throw new UsageException(reader.Errors);
        }

        using var s3 = services.CreateS3(settings);
        using var http = services.CreateHttpClient();
        var startedAt = services.Time.GetUtcNow();
        await console.Error.WriteLineAsync($"uploading {path} to s3://{settings.UploadBucket}/{captionKey}");
        var uploaded = await new PresignedUploader(s3, http, services.Tuning, new NoProgress(), services.Time)
            .UploadAsync(path, settings.UploadBucket, captionKey, new Dictionary<string, string>(), cancellationToken);
        await console.Out.WriteLineAsync($"uploaded: s3://{uploaded.Bucket}/{uploaded.Key}");
        await console.Out.WriteLineAsync($"video: s3://{settings.UploadBucket}/{videoKey}");
        if (!wait)
        {
            return ClientExitCodes.Success;
        }

        var folder = OutputFolderLocation.For(settings.RequiredOutputs, settings.UploadBucket, videoKey);
        await console.Error.WriteLineAsync($"waiting for the caption job: looking at {folder} every {DurationText.Format(services.PollInterval)}, for up to {DurationText.Format(timeout)}");
        var captionFile = Path.GetFileName(captionKey);
        var status = await new JobWaiter(new JobStatusReader(s3), services.Time, services.PollInterval).WaitUntilAsync(
            folder,
            status => status is JobDone done && done.Manifest.CompletedAt >= startedAt && done.Manifest.Subtitles.Any(s => s.SourceFile == captionFile),
            timeout,
            cancellationToken);
        return JobStatusPrinter.Print(status, console.Out);
    }
}
