namespace Transcoder.TranscodeJob.Ffmpeg;

public enum FfmpegTool
{
    Ffmpeg,
    Ffprobe,
}
