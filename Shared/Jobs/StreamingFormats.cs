namespace Transcoder.Shared.Jobs;

/// <summary>Which deliverables the job publishes from the encoded media.</summary>
[Flags]
public enum StreamingFormats
{
    /// <summary>Nothing: never valid in a job, the result of an empty list.</summary>
    None = 0,

    /// <summary>HLS: a master playlist and one media playlist per track (byte ranges into the CMAF files).</summary>
    Hls = 1,

    /// <summary>DASH: one MPD over the same CMAF files.</summary>
    Dash = 2,

    /// <summary>Progressive download: one self-contained MP4 (video + audio, faststart) per rendition.</summary>
    Mp4 = 4,

    /// <summary>Every deliverable: the default.</summary>
    All = Hls | Dash | Mp4,
}
