namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>
/// The untrusted source as ffmpeg and ffprobe open it: the file, and the largest picture its decoders may produce
/// (<c>-max_pixels</c>; a stream can switch to a huge size after the part that was probed).
/// </summary>
internal sealed record SourceInput(string Path, long MaxPixelsPerFrame)
{
    /// <summary>
    /// How long after the container's start its first picture or sound comes (see <c>SourceMedia.LeadIn</c>): the
    /// encodes start their timeline there, not at a subtitle or data packet that came first.
    /// </summary>
    public TimeSpan LeadIn { get; init; }

    /// <summary>
    /// Set for a chunk of a long source, which reads only its part: the object in S3 over HTTP range requests, instead
    /// of <see cref="Path"/> (docs/inputs.md, "Untrusted input").
    /// </summary>
    public RemoteSource? Remote { get; init; }

    /// <summary>
    /// The keyframes a seek reads from when the source's demuxer cannot find them itself (MPEG-TS and MPEG-PS,
    /// <see cref="KeyframeSeeking"/>); null when it can.
    /// </summary>
    public IReadOnlyList<TimeSpan>? SeekKeyframes { get; init; }

    /// <summary>
    /// Whether it is an MPEG transport or program stream, whose zero every run pins (<see cref="MpegSystemStreams"/>):
    /// exactly the sources whose seeks need their keyframes listed.
    /// </summary>
    public bool SystemStream => SeekKeyframes is not null;

    /// <summary>Where a seek to <paramref name="at"/> starts reading (<see cref="KeyframeSeeking.ReadFrom"/>).</summary>
    public TimeSpan ReadFrom(TimeSpan at) => KeyframeSeeking.ReadFrom(SeekKeyframes, at);

    /// <summary>What ffmpeg opens: the absolute <c>file:</c> URL, or the remote source's presigned URL.</summary>
    public string Url => Remote?.Url.AbsoluteUri ?? FfmpegArguments.FileUrl(Path);

    /// <summary>The protocols ffmpeg may use for it, and nothing else (<c>-protocol_whitelist</c>).</summary>
    public string Protocols => Remote?.Protocols ?? FfmpegArguments.AllowedProtocols;

    /// <summary>The input options a remote read adds (the demuxer named, timeouts, the revision pinned); none for a file.</summary>
    public IReadOnlyList<string> RemoteOptions() => Remote?.InputOptions() ?? [];
}
