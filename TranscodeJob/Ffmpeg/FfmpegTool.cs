namespace Transcoder.TranscodeJob.Ffmpeg;

internal enum FfmpegTool
{
    Ffmpeg,
    Ffprobe,
}
