using Transcoder.Shared;

namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>Where the two executables are: <c>FFMPEG_PATH</c> / <c>FFPROBE_PATH</c>, else looked up on PATH.</summary>
internal sealed record FfmpegPaths(string Ffmpeg, string Ffprobe)
{
    public static readonly FfmpegPaths Default = new("ffmpeg", "ffprobe");

    public static FfmpegPaths FromEnvironment(IReadOnlyDictionary<string, string> environment) => new(
        environment.GetValueOrDefault(JobEnvironment.FfmpegPath) is { Length: > 0 } ffmpeg ? ffmpeg : Default.Ffmpeg,
        environment.GetValueOrDefault(JobEnvironment.FfprobePath) is { Length: > 0 } ffprobe ? ffprobe : Default.Ffprobe);

    public string For(FfmpegTool tool) => tool == FfmpegTool.Ffmpeg ? Ffmpeg : Ffprobe;
}
