namespace Transcoder.TranscodeJob.Encoding;

/// <summary>How the ladder is encoded.</summary>
internal enum EncodeMode
{
    /// <summary>One ffmpeg process decodes the source once and feeds every rung, the audio and the storyboard.</summary>
    Single,

    /// <summary>One ffmpeg process per rung (and one each for audio and storyboard): isolates a failing rung.</summary>
    PerRendition,
}
