namespace Transcoder.Shared.Jobs;

/// <summary>What a job does with its source (<see cref="JobSpec.Kind"/>).</summary>
public enum JobKind
{
    /// <summary>Transcode a video into its output folder (the default).</summary>
    Transcode,

    /// <summary>
    /// Attach a caption file (<see cref="Captions.CaptionFileName"/>) to the outputs of the video it was sent beside,
    /// without encoding again: convert it to WebVTT, add it to the playlists, the MPD and the manifest.
    /// </summary>
    AttachCaption,
}
