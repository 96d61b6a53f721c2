using System.Buffers.Binary;
using Transcoder.TranscodeJob.Packaging;

namespace Transcoder.TranscodeJob.Tests.Packaging;

public sealed class FragmentShiftTests
{
    [Test]
    public void Shift_MoofWithVersion1Tfdt_MovesTheDecodeTimeAndRenumbers()
    {
        // Arrange: mfhd (sequence 2), traf > tfhd, tfdt v1 (decode time 30720).
        var moof = Box("mfhd", [0, 0, 0, 0, 0, 0, 0, 2])
            .Concat(Box("traf", Box("tfhd", [0, 2, 0, 0, 0, 0, 0, 1]).Concat(Box("tfdt", [1, 0, 0, 0, .. BigEndian(30720)])).ToArray()))
            .ToArray();

        // Act
        FragmentShift.Shift(moof, 92160, 3);

        // Assert: the sequence number is the 5th of the whole track, the decode time 122880 ticks.
        Assert.That(BinaryPrimitives.ReadUInt32BigEndian(moof.AsSpan(12)), Is.EqualTo(5));
        Assert.That(BinaryPrimitives.ReadUInt64BigEndian(moof.AsSpan(moof.Length - 8)), Is.EqualTo(122_880));
    }

    private static byte[] BigEndian(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Box(string type, byte[] body)
    {
        var box = new byte[8 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        System.Text.Encoding.Latin1.GetBytes(type, box.AsSpan(4));
        body.CopyTo(box, 8);
        return box;
    }
}
