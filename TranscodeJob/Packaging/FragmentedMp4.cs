namespace Transcoder.TranscodeJob.Packaging;

/// <summary>What the playlists need to know about a one-track fragmented MP4 file.</summary>
/// <param name="InitLength">Bytes from the start of the file to the end of <c>moov</c>: the init section.</param>
/// <param name="Timescale">Ticks per second of the track's media time (<c>mdhd</c>).</param>
/// <param name="Codec">RFC 6381 codec string from the sample entry, e.g. <c>avc1.64001f</c> or <c>mp4a.40.2</c>.</param>
internal sealed record FragmentedMp4(long InitLength, long Timescale, string Codec, IReadOnlyList<Mp4Fragment> Fragments)
{
    public double SecondsOf(long ticks) => (double)ticks / Timescale;

    public double DurationSeconds => SecondsOf(Fragments.Sum(f => f.Duration));

    public long MediaBytes => Fragments.Sum(f => f.Length);

    /// <summary>Every fragment as a media segment: its bytes and its duration in seconds.</summary>
    /// <summary>Every fragment's keyframe as an I-frame segment: its byte range and the time to the next keyframe.</summary>
    public IReadOnlyList<SegmentSize> IFrameSegments => Fragments.Select(f => new SegmentSize(f.KeyframeLength, SecondsOf(f.Duration))).ToList();

    public IReadOnlyList<SegmentSize> Segments => Fragments.Select(f => new SegmentSize(f.Length, SecondsOf(f.Duration))).ToList();
}
