namespace Transcoder.TranscodeJob.Limits;

/// <summary>
/// How much work one upload may ask for. Uploads are untrusted, and a few megabytes can claim hours of pictures: a
/// small upload must not buy hours of compute, so every bound here is checked before anything is encoded, and the
/// per-frame bound is also enforced by the decoders themselves (<c>-max_pixels</c>), because a stream may change size
/// after the part that was probed.
/// </summary>
/// <param name="MaxPixelsPerFrame">The largest picture decoded: 8192×4320 (DCI 8K) by default.</param>
/// <param name="MaxPixelsPerSecond">Picture size times the real frame rate: 8K at 60 fps by default.</param>
/// <param name="MaxFrameRate">The fastest the pictures may really come (measured from the packets, not the header):
/// 300 by default, above a phone's 240 fps slow motion.</param>
/// <param name="MaxFrames">The most video frames a source may hold: four hours at 120 fps by default.</param>
internal sealed record SourceLimits(
    long MaxPixelsPerFrame,
    long MaxPixelsPerSecond,
    int MaxFrameRate,
    long MaxFrames)
{
    public const long DefaultMaxPixelsPerFrame = 8192L * 4320;
    public const long DefaultMaxPixelsPerSecond = 7680L * 4320 * 60;
    public const int DefaultMaxFrameRate = 300;
    public const long DefaultMaxFrames = 4L * 3600 * 120;

    /// <summary>
    /// One picture held this long while no sound plays is not content: a screencast's pause or a still tail lasts
    /// seconds, while a file built to make the constant-rate conversion repeat one frame for hours holds it for
    /// minutes. With sound a still is content (a song over its cover), however long.
    /// </summary>
    public static readonly TimeSpan MaxSilentStill = TimeSpan.FromSeconds(60);

    /// <summary>More streams than this is not a recording (a DVB capture carries a few dozen); ffprobe opens a decoder per stream.</summary>
    public const int MaxStreams = 64;

    /// <summary>The job decodes one video stream; ffprobe still decodes a few frames of every video stream it lists.</summary>
    public const int MaxVideoStreams = 4;

    /// <summary>
    /// The largest single allocation ffmpeg and ffprobe may make (<c>-max_alloc</c>): a sample table that claims
    /// 89 million samples asks for 2 GiB at once; the biggest legitimate one, an 8K 16-bit plane, is about 70 MB.
    /// </summary>
    public const long MaxAllocationBytes = 512L * 1024 * 1024;

    /// <summary>How much of the source ffprobe reads, and how much media time it decodes, to find stream parameters.</summary>
    public const long ProbeBytes = 10_000_000;

    public static readonly TimeSpan AnalyzeDuration = TimeSpan.FromSeconds(10);

    public static SourceLimits Default { get; } = new(DefaultMaxPixelsPerFrame, DefaultMaxPixelsPerSecond, DefaultMaxFrameRate, DefaultMaxFrames);
}
