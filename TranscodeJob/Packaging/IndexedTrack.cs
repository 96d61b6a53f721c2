namespace Transcoder.TranscodeJob.Packaging;

/// <summary>A CMAF track with the index read from its file.</summary>
internal sealed record IndexedTrack(CmafTrack Track, FragmentedMp4 Index)
{
    /// <summary>The media playlist's file name, e.g. <c>720p.m3u8</c>.</summary>
    public string PlaylistName => Track.Name + ".m3u8";

    /// <summary>The I-frame playlist's file name, e.g. <c>720p-iframes.m3u8</c> (video only).</summary>
    public string IFramePlaylistName => Track.Name + "-iframes.m3u8";

    /// <summary>The sample entry's four-character code from the codec string: <c>avc1</c>, <c>av01</c>, <c>mp4a</c>.</summary>
    public string SampleEntry => Index.Codec.Split('.')[0];

    /// <summary>Whether the track is H.264, which every player decodes (the others are offered beside it).</summary>
    public bool IsH264 => SampleEntry is "avc1" or "avc3";

    /// <summary>
    /// The video tracks by codec, H.264 last, each best first: a player that takes the first variant it can decode
    /// starts on AV1 when it decodes AV1, on H.264 otherwise.
    /// </summary>
    public static IReadOnlyList<IGrouping<string, IndexedTrack>> ByCodec(IReadOnlyList<IndexedTrack> videos) =>
        [.. videos.GroupBy(v => v.SampleEntry).OrderBy(g => g.First().IsH264)];
}
