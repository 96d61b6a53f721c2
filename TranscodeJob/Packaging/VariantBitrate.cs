namespace Transcoder.TranscodeJob.Packaging;

/// <summary>
/// The bitrates an HLS variant (a video rendition plus the audio group) declares, measured from the files rather
/// than taken from the ladder: under capped CRF the ladder's figures are ceilings, and ffmpeg's own master
/// playlist gets BANDWIDTH wrong. RFC 8216, 4.3.4.2: BANDWIDTH is the peak segment bitrate of the variant,
/// AVERAGE-BANDWIDTH the average over the whole presentation.
/// </summary>
internal static class VariantBitrate
{
    public static (long Peak, long Average) Of(IndexedTrack video, IndexedTrack? audio)
    {
        var index = video.Index;
        double peak = 0;
        foreach (var fragment in index.Fragments.Where(f => f.Duration > 0))
        {
            var start = index.SecondsOf(fragment.Start);
            var seconds = index.SecondsOf(fragment.Duration);
            var bits = fragment.Length * 8.0 + (audio is null ? 0 : AudioBitsBetween(audio.Index, start, start + seconds));
            peak = Math.Max(peak, bits / seconds);
        }

        var duration = index.DurationSeconds;
        var totalBits = index.MediaBytes * 8.0 + (audio?.Index.MediaBytes ?? 0) * 8.0;
        var average = duration > 0 ? totalBits / duration : 0;
        return ((long)Math.Ceiling(Math.Max(peak, average)), (long)Math.Ceiling(average));
    }

    // Audio fragments do not start on the video's boundaries: count each one by the share of it that overlaps.
    private static double AudioBitsBetween(FragmentedMp4 audio, double from, double to)
    {
        double bits = 0;
        foreach (var fragment in audio.Fragments.Where(f => f.Duration > 0))
        {
            var start = audio.SecondsOf(fragment.Start);
            var end = start + audio.SecondsOf(fragment.Duration);
            var overlap = Math.Min(end, to) - Math.Max(start, from);
            if (overlap > 0)
            {
                bits += fragment.Length * 8.0 * overlap / (end - start);
            }
        }

        return bits;
    }
}
