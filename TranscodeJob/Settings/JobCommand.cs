using System.CommandLine;
using Transcoder.Shared;

namespace Transcoder.TranscodeJob.Settings;

/// <summary>TranscodeJob's command line. Every option names its environment fallback in its help.</summary>
internal sealed class JobCommand
{
    public JobCommand()
    {
        Root = new RootCommand(
            "Transcodes one video into an H.264/AAC rendition ladder (CMAF with HLS and DASH playlists, progressive MP4), a storyboard, a JPEG poster and manifest.json.\n" +
            ExitCodes.HelpLine(ExitCodes.Meanings))
        {
            Input, Output, Renditions, Formats, Codecs, EncodeMode, LadderMode, Quality, MaxDuration, Ladder, WorkDir, Parallelism, JobId, Verbose,
        };
    }

    public RootCommand Root { get; }

    public Option<string?> Input { get; } = new("--input", "-i") { Description = $"Source video: a local file or s3://bucket/key. Env: {JobEnvironment.SourceBucket} + {JobEnvironment.SourceKey}.", HelpName = "file|s3://bucket/key" };

    public Option<string?> Output { get; } = new("--output", "-o") { Description = $"Where outputs go (one folder per source below it): a local folder or s3://bucket/prefix. Env: {JobEnvironment.OutputBucket} + {JobEnvironment.OutputPrefix}.", HelpName = "dir|s3://bucket/prefix" };

    public Option<string?> Renditions { get; } = new("--renditions", "-r") { Description = $"Comma list of renditions to make, e.g. 1080p,720p (default: the whole ladder). Env: {JobEnvironment.Renditions}.", HelpName = "names" };

    public Option<string?> Formats { get; } = new("--formats") { Description = $"Comma list of deliverables: hls, dash, mp4 (default: all; storyboard and poster always). Env: {JobEnvironment.Formats}.", HelpName = "list" };

    public Option<string?> Codecs { get; } = new("--codecs") { Description = $"Comma list of video codecs: h264 (default, unless the ladder file says otherwise), or h264,av1 for AV1 renditions beside the H.264 ones on the rungs the ladder offers AV1 for. Env: {JobEnvironment.Codecs}.", HelpName = "list" };

    public Option<string?> EncodeMode { get; } = new("--encode-mode") { Description = $"single: one ffmpeg decodes the source once for every rendition (default); per-rendition: one ffmpeg per rendition, to isolate a failing one. Env: {JobEnvironment.EncodeMode}.", HelpName = "single|per-rendition" };

    public Option<string?> LadderMode { get; } = new("--ladder-mode") { Description = $"per-title: analyse the source first, give each rung the CRF that reaches its quality target and drop rungs that add nothing; fixed: every rung at the ladder's CRF (default: the ladder file's ladderMode, else {JobDefaults.LadderModeName}). Env: {JobEnvironment.LadderMode}.", HelpName = "per-title|fixed" };

    public Option<int?> MaxDuration { get; } = new("--max-duration") { Description = $"Longest source accepted, in seconds (default {JobDefaults.MaxSourceSeconds}); a longer one is refused as bad input (exit 3). Env: {JobEnvironment.MaxSourceSeconds}.", HelpName = "seconds" };

    public Option<string?> Ladder { get; } = new("--ladder") { Description = $"JSON file replacing the default ladder (see docs/job.md). Env: {JobEnvironment.LadderFile}.", HelpName = "file" };

    public Option<string?> WorkDir { get; } = new("--workdir") { Description = $"Folder for the temporary workspace (default: the system temp folder). Env: {JobEnvironment.WorkDir}.", HelpName = "dir" };

    public Option<string?> Quality { get; } = new("--quality") { Description = $"on: measure every rendition's SSIM and PSNR against the source after the encode, into manifest.json (default: {JobDefaults.Quality}); off: do not. Env: {JobEnvironment.Quality}.", HelpName = "on|off" };

    public Option<int?> Parallelism { get; } = new("--parallelism", "-p") { Description = $"Renditions encoded at the same time (default: {JobDefaults.Parallelism(Environment.ProcessorCount)} on this machine). Env: {JobEnvironment.Parallelism}.", HelpName = "n" };

    public Option<string?> JobId { get; } = new("--job-id") { Description = $"Job id for logs and the manifest (default: derived from the source). Env: {JobEnvironment.JobId}.", HelpName = "id" };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = $"Debug-level logs. Env: {JobEnvironment.Verbose}=true." };

    public CliValues Read(ParseResult parse) => new(
        parse.GetValue(Input),
        parse.GetValue(Output),
        parse.GetValue(Renditions),
        parse.GetValue(Ladder),
        parse.GetValue(WorkDir),
        parse.GetValue(Parallelism),
        parse.GetValue(Verbose),
        parse.GetValue(JobId),
        parse.GetValue(EncodeMode),
        parse.GetValue(Formats),
        parse.GetValue(MaxDuration),
        parse.GetValue(Quality),
        parse.GetValue(LadderMode),
        parse.GetValue(Codecs));
}
