namespace Transcoder.TranscodeJob.Settings;

internal enum LogFormat
{
    /// <summary>One readable line per event, for a terminal.</summary>
    Text,

    /// <summary>One JSON object per line, for CloudWatch Logs and other collectors.</summary>
    Json,
}
