namespace Transcoder.TranscodeJob.Packaging;

/// <summary>A CMAF track with the index read from its file.</summary>
internal sealed record IndexedTrack(CmafTrack Track, FragmentedMp4 Index)
{
    /// <summary>The media playlist's file name, e.g. <c>720p.m3u8</c>.</summary>
    public string PlaylistName => Track.Name + ".m3u8";

    /// <summary>The I-frame playlist's file name, e.g. <c>720p-iframes.m3u8</c> (video only).</summary>
    public string IFramePlaylistName => Track.Name + "-iframes.m3u8";
}
