namespace Transcoder.TranscodeJob.Packaging;

/// <summary>
/// The bitrates an HLS variant (a video rendition plus the audio group) declares, measured from the files rather
/// than taken from the ladder: under capped CRF the ladder's figures are ceilings, and ffmpeg's own master
/// playlist gets BANDWIDTH wrong. RFC 8216, 4.3.4.2: BANDWIDTH is the largest sum of peak segment bit rates of any
/// playable combination of renditions, that is the video playlist's peak plus the largest peak among the audio
/// group's playlists; AVERAGE-BANDWIDTH is the same sum of average segment bit rates.
/// </summary>
internal static class VariantBitrate
{
    /// <param name="video">The variant's video playlist; null for an audio-only variant, whose playlist is one of the
    /// audio group's (every combination is then one audio playlist alone).</param>
    public static (long Peak, long Average) Of(IndexedTrack? video, IReadOnlyList<IndexedTrack> audioGroup)
    {
        var peak = (video is null ? 0 : PeakOf(video.Index)) + audioGroup.Select(a => PeakOf(a.Index)).DefaultIfEmpty(0).Max();
        var average = (video is null ? 0 : AverageOf(video.Index)) + audioGroup.Select(a => AverageOf(a.Index)).DefaultIfEmpty(0).Max();
        return ((long)Math.Ceiling(peak), (long)Math.Ceiling(average));
    }

    /// <summary>The peak segment bit rate of one media playlist (of its own target duration).</summary>
    public static double PeakOf(FragmentedMp4 index)
    {
        var segments = index.Segments;
        return HlsSegmentBitRate.Peak(segments, HlsSegmentBitRate.TargetDuration(segments));
    }

    public static double AverageOf(FragmentedMp4 index) => HlsSegmentBitRate.Average(index.Segments);
}
