namespace Transcoder.TranscodeJob.Settings;

public enum LogFormat
{
    /// <summary>One readable line per event, for a terminal.</summary>
    Text,

    /// <summary>One JSON object per line, for CloudWatch Logs and other collectors.</summary>
    Json,
}
