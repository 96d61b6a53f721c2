namespace Transcoder.Shared.Captions;

/// <summary>The caption file formats an uploader may send beside a video.</summary>
public enum CaptionFormat
{
    /// <summary>WebVTT (<c>.vtt</c>), as browsers and HLS play it.</summary>
    WebVtt,

    /// <summary>SubRip (<c>.srt</c>), what most subtitle editors write.</summary>
    SubRip,
}
