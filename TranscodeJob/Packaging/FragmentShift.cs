using System.Buffers.Binary;

namespace Transcoder.TranscodeJob.Packaging;

/// <summary>
/// Moves a CMAF track encoded on its own (a chunk of a long source, whose timeline starts at zero) to its place in the
/// whole track: every fragment's decode time (<c>tfdt</c>) is shifted by the chunk's start and its sequence number
/// (<c>mfhd</c>) by the fragments before it. Only those fixed-size fields change, in place, so the file keeps its layout
/// and the bytes after its init section can be appended to the whole track as they are.
/// </summary>
internal static class FragmentShift
{
    public static void Apply(string path, long ticks, uint sequenceOffset)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var moofs = FragmentedMp4Reader.TopLevelBoxes(file).Where(b => b.Type == "moof").ToList();
        foreach (var moof in moofs)
        {
            var body = new byte[moof.Size - moof.HeaderSize];
            file.Position = moof.Offset + moof.HeaderSize;
            file.ReadExactly(body);
            Shift(body, ticks, sequenceOffset);
            file.Position = moof.Offset + moof.HeaderSize;
            file.Write(body);
        }
    }

    /// <summary>Shifts one <c>moof</c>'s body (ISO/IEC 14496-12, 8.8.5 mfhd, 8.8.12 tfdt) in place.</summary>
    public static void Shift(Span<byte> moof, long ticks, uint sequenceOffset)
    {
        foreach (var child in Mp4Box.Children(moof))
        {
            var body = moof.Slice((int)child.Offset + child.HeaderSize, (int)(child.Size - child.HeaderSize));
            if (child.Type == "mfhd")
            {
                // version/flags, then sequence_number.
                BinaryPrimitives.WriteUInt32BigEndian(body[4..], checked(BinaryPrimitives.ReadUInt32BigEndian(body[4..]) + sequenceOffset));
            }
            else if (child.Type == "traf")
            {
                ShiftDecodeTime(body, ticks);
            }
        }
    }

    private static void ShiftDecodeTime(Span<byte> traf, long ticks)
    {
        foreach (var child in Mp4Box.Children(traf))
        {
            if (child.Type != "tfdt")
            {
                continue;
            }

            var tfdt = traf.Slice((int)child.Offset + child.HeaderSize, (int)(child.Size - child.HeaderSize));
            if (tfdt[0] == 1)
            {
                BinaryPrimitives.WriteUInt64BigEndian(tfdt[4..], checked(BinaryPrimitives.ReadUInt64BigEndian(tfdt[4..]) + (ulong)ticks));
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(tfdt[4..], checked(BinaryPrimitives.ReadUInt32BigEndian(tfdt[4..]) + (uint)ticks));
            }
        }
    }
}
