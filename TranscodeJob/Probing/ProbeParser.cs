using System.Globalization;
using System.Text.Json;
using Transcoder.TranscodeJob.Errors;

namespace Transcoder.TranscodeJob.Probing;

/// <summary>Turns ffprobe's JSON into a <see cref="SourceMedia"/>, or a bad-input error naming what is missing.</summary>
internal static class ProbeParser
{
    public static SourceMedia Parse(string json, string inputName)
    {
        FfprobeOutput? output;
        try
        {
            output = JsonSerializer.Deserialize(json, FfprobeJsonContext.Default.FfprobeOutput);
        }
        catch (JsonException exception)
        {
            throw JobException.BadInput($"{inputName}: ffprobe printed unreadable output", exception);
        }

        var streams = output?.Streams ?? [];
        var format = output?.Format;

        // Cover art in MP4/MKV/MP3 is a "video" stream of one picture: skip it, it is not the video.
        var video = streams.FirstOrDefault(s => s.CodecType == "video" && !IsCoverArt(s));
        var audio = AudioStreamsOf(streams);
        if (video is null && audio.Count == 0)
        {
            throw JobException.BadInput($"{inputName} has no video or audio stream");
        }

        if (video is not null && (video.Width is not > 0 || video.Height is not > 0))
        {
            throw JobException.BadInput($"{inputName}: the video stream has no picture size (codec {video.CodecName ?? "unknown"})");
        }

        // A missing or absurd header duration is not an error: the packets tell (ContentDuration).
        var declared = PlausibleSeconds(format?.Duration) ?? PlausibleSeconds(video?.Duration);
        var media = new SourceMedia(
            Container: format?.FormatName ?? "unknown",
            Duration: declared ?? TimeSpan.Zero,
            BitRate: format?.BitRate,
            Video: video is null ? null : VideoOf(video),
            AudioStreams: audio)
        {
            DeclaredDuration = declared,
            SubtitleStreams = SubtitleStreamInfo.From(streams),
            ContainerStart = format?.StartTime is { } start && double.IsFinite(start) && Math.Abs(start) < MaxPlausibleDuration.TotalSeconds
                ? TimeSpan.FromSeconds(start)
                : null,
            CoverArt = streams.FirstOrDefault(s => s.CodecType == "video" && IsCoverArt(s) && s.Width is > 0 && s.Height is > 0) is { } cover
                ? new CoverArtInfo(cover.Index, cover.CodecName ?? "unknown", cover.Width!.Value, cover.Height!.Value)
                : null,
        };
        var timing = media.TimingStreams;
        return media with { KeptStreamsDeclaredDuration = streams.Where(s => timing.Contains(s.Index)).Select(StreamDuration).Max() };
    }

    private static bool IsCoverArt(FfprobeStream stream) => Flag(stream, "attached_pic");

    private static bool Flag(FfprobeStream stream, string disposition) => stream.Disposition?.GetValueOrDefault(disposition) == 1;

    // Streams without channels (a data track labelled audio) are not sound the job can encode.
    private static List<AudioStreamInfo> AudioStreamsOf(IEnumerable<FfprobeStream> streams) =>
        streams
            .Where(s => s.CodecType == "audio" && s.Channels is > 0)
            .Select(s => new AudioStreamInfo(
                s.Index,
                s.CodecName ?? "unknown",
                s.Channels!.Value,
                s.SampleRate ?? 0,
                Tag(s, "language"),
                Flag(s, "default"))
            {
                Title = Tag(s, "title"),
                DescribesVideo = Flag(s, "visual_impaired") || Flag(s, "descriptions"),
                IsCommentary = Flag(s, "comment"),
            })
            .ToList();

    // Matroska's tags come as written (TITLE or title); MP4's in lower case.
    private static string? Tag(FfprobeStream stream, string name) =>
        stream.Tags?.GetValueOrDefault(name) ?? stream.Tags?.GetValueOrDefault(name.ToUpperInvariant());

    private static VideoStreamInfo VideoOf(FfprobeStream video) =>
        new(
            Index: video.Index,
            Codec: video.CodecName ?? "unknown",
            Width: video.Width!.Value,
            Height: video.Height!.Value,
            SampleAspectRatio: Rational.Parse(video.SampleAspectRatio),
            Rotation: RotationOf(video),
            FrameRate: FrameRateOf(video),
            PixelFormat: video.PixFmt ?? "unknown",
            ColorTransfer: video.ColorTransfer,
            ColorPrimaries: video.ColorPrimaries,
            ColorSpace: video.ColorSpace,
            FieldOrder: video.FieldOrder);

    /// <summary>
    /// What a stream's own header says it lasts: its duration (MP4, TS), or the <c>DURATION</c> tag Matroska
    /// writers put on each track (<c>00:00:01.007000000</c>, where the track ends, so less where it starts); null when
    /// neither is there or plausible.
    /// </summary>
    private static TimeSpan? StreamDuration(FfprobeStream stream) =>
        PlausibleSeconds(stream.Duration)
        ?? (stream.Tags?.GetValueOrDefault("DURATION") is { } tag
            && TimeSpan.TryParse(tag.Length > 16 ? tag[..16] : tag, CultureInfo.InvariantCulture, out var end)
                ? PlausibleSeconds(end.TotalSeconds - (stream.StartTime is { } start && double.IsFinite(start) ? Math.Max(0, start) : 0))
                : null);

    /// <summary>
    /// Longest duration believed from a header: 30 days. Beyond it (a 1e12 s claim, a counter run wild) the header is
    /// ignored, and no TimeSpan arithmetic can overflow.
    /// </summary>
    public static readonly TimeSpan MaxPlausibleDuration = TimeSpan.FromDays(30);

    private static TimeSpan? PlausibleSeconds(double? seconds) =>
        seconds is { } value && double.IsFinite(value) && value > 0 && value <= MaxPlausibleDuration.TotalSeconds
            ? TimeSpan.FromSeconds(value)
            : null;

    /// <summary>
    /// Clockwise degrees a player turns the picture. The display matrix (side data) wins over the legacy
    /// <c>rotate</c> tag; ffprobe reports the matrix counter-clockwise (-90 for a phone held upright).
    /// </summary>
    public static int RotationOf(FfprobeStream stream)
    {
        var matrix = stream.SideDataList?.FirstOrDefault(d => d.SideDataType == "Display Matrix" && d.Rotation is not null);
        if (matrix is not null)
        {
            return Normalize(-matrix.Rotation!.Value);
        }

        return stream.Tags?.GetValueOrDefault("rotate") is { } tag
               && double.TryParse(tag, NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees)
            ? Normalize(degrees)
            : 0;
    }

    private static int Normalize(double degrees)
    {
        // Snap to a quarter turn: matrices written by some editors carry 89.99...
        var quarter = (int)Math.Round(degrees / 90.0);
        return (quarter % 4 + 4) % 4 * 90;
    }

    private static Rational FrameRateOf(FfprobeStream stream)
    {
        var average = Rational.Parse(stream.AvgFrameRate);
        return average.IsPositive ? average : Rational.Parse(stream.RFrameRate);
    }
}
