using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Subtitles;

/// <summary>
/// Whether a source can carry CEA-608 captions at all, read as bytes before anything is decoded. ATSC A/53 Part 4
/// captions are an SEI message (user_data_registered_itu_t_t35) whose payload starts with the same eight bytes in
/// H.264 and HEVC: country 0xB5, provider 0x0031, "GA94", user_data_type_code 3 (cc_data). No emulation-prevention
/// byte can fall among them, since none of them holds two zero bytes in a row.
/// <para>
/// A file without those bytes carries no captions anywhere. <see cref="ClosedCaptionExtractor"/> then skips its check,
/// which is ffprobe decoding the first 120 pictures: 0.5–0.7 CPU s on 1080p and 1.4 s on 2160p, on every upload.
/// Reading 105 MB from the page cache took 16–31 ms here. The bytes are trusted only where a container stores the coded
/// pictures as they are (MP4/MOV, MPEG-TS, raw streams). In Matroska a track can be compressed, so there the check
/// always runs. The check also runs on a file over <see cref="MaxScannedBytes"/>, whose encode dwarfs it, and on a
/// remote read (a chunk of a long source).
/// </para>
/// <para>
/// In MPEG-TS the eight bytes can straddle a 188-byte packet's header. Broadcast captions repeat in every picture
/// (padding when no text shows), so they are still found.
/// </para>
/// </summary>
internal static class CaptionSignature
{
    /// <summary>The largest file read whole: beyond it, the decoding check costs little against the encode.</summary>
    public const long MaxScannedBytes = 128L * 1024 * 1024;

    /// <summary>The demuxers (ffprobe's first format name) that keep the coded pictures' bytes as they are.</summary>
    private static readonly HashSet<string> PlainDemuxers = new HashSet<string>(StringComparer.Ordinal) { "mov", "mpegts", "h264", "hevc" };

    private static ReadOnlySpan<byte> Marker => [0xB5, 0x00, 0x31, (byte)'G', (byte)'A', (byte)'9', (byte)'4', 0x03];

    /// <summary>False only when the whole file was read and holds no caption payload.</summary>
    /// <param name="demuxer">The demuxer the source was probed with (<c>mov</c> for MP4).</param>
    public static bool MayCarry(SourceInput input, string demuxer, long maxScannedBytes = MaxScannedBytes)
    {
        if (input.Remote is not null || !PlainDemuxers.Contains(demuxer))
        {
            return true;
        }

        try
        {
            return MayHold(input.Path, maxScannedBytes);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The probe read this file a moment ago; whatever stops this read, the decoding check decides as before.
            return true;
        }
    }

    /// <summary>True when the file is over <paramref name="maxScannedBytes"/> or holds the marker.</summary>
    private static bool MayHold(string path, long maxScannedBytes)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        if (file.Length > maxScannedBytes)
        {
            return true;
        }

        // Each read keeps the last bytes of the one before, so a marker across two reads is found.
        var buffer = new byte[1024 * 1024];
        var kept = 0;
        int read;
        while ((read = file.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            var filled = kept + read;
            if (buffer.AsSpan(0, filled).IndexOf(Marker) >= 0)
            {
                return true;
            }

            kept = Math.Min(Marker.Length - 1, filled);
            buffer.AsSpan(filled - kept, kept).CopyTo(buffer);
        }

        return false;
    }
}
