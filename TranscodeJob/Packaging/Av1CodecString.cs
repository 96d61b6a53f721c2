using System.Globalization;

namespace Transcoder.TranscodeJob.Packaging;

/// <summary>
/// The RFC 6381 codec string of an AV1 track, from its <c>av1C</c> box (AV1 Codec ISO Media File Format Binding,
/// 2.3 and the codecs parameter string, 5): <c>av01.P.LLT.DD</c>, profile, two-digit level and tier (M or H), two-digit
/// bit depth. The optional fields after it (monochrome, chroma subsampling, colour) are left out: their defaults
/// (4:2:0, BT.709) are what the job writes.
/// </summary>
internal static class Av1CodecString
{
    public static string From(ReadOnlySpan<byte> av1C)
    {
        if (av1C.Length < 4 || (av1C[0] & 0x80) == 0)
        {
            throw new InvalidDataException("av1C: too short or no marker bit");
        }

        // Byte 1: seq_profile (3 bits), seq_level_idx_0 (5). Byte 2: seq_tier_0, high_bitdepth, twelve_bit, ...
        var profile = av1C[1] >> 5;
        var level = av1C[1] & 0x1f;
        var tier = (av1C[2] & 0x80) != 0 ? 'H' : 'M';
        var depth = (av1C[2] & 0x40) == 0 ? 8 : (av1C[2] & 0x20) != 0 ? 12 : 10;
        return string.Create(CultureInfo.InvariantCulture, $"av01.{profile}.{level:d2}{tier}.{depth:d2}");
    }
}
