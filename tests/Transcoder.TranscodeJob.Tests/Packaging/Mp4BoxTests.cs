using System.Buffers.Binary;
using Transcoder.TranscodeJob.Packaging;

namespace Transcoder.TranscodeJob.Tests.Packaging;

public sealed class Mp4BoxTests
{
    private static byte[] Box(string type, byte[] body, bool large = false)
    {
        var header = large ? 16 : 8;
        var box = new byte[header + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, large ? 1u : (uint)box.Length);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        if (large)
        {
            BinaryPrimitives.WriteUInt64BigEndian(box.AsSpan(8), (ulong)box.Length);
        }

        body.CopyTo(box, header);
        return box;
    }

    [Test]
    public void Children_NestedAndLargeSize_FoundByPath()
    {
        // Arrange: moov > trak > mdia (64-bit size) > mdhd.
        var data = Box("moov", Box("trak", Box("mdia", Box("mdhd", [1, 2, 3]), large: true)));

        // Act
        var mdhd = Mp4Box.Find(data, "moov", "trak", "mdia", "mdhd").ToArray();

        // Assert
        Assert.That(mdhd, Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public void Children_SizeZero_ExtendsToTheEnd()
    {
        // Arrange
        var data = Box("free", [9, 9]);
        BinaryPrimitives.WriteUInt32BigEndian(data, 0);

        // Act
        var box = Mp4Box.Children(data).Single();

        // Assert
        Assert.That((box.Type, box.Size), Is.EqualTo(("free", 10L)));
    }

    [TestCase(4u, TestName = "Children_SizeSmallerThanItsHeader_InvalidData")]
    [TestCase(1000u, TestName = "Children_SizeBeyondTheData_InvalidData")]
    public void Children_ImpossibleSize_InvalidData(uint size)
    {
        // Arrange
        var data = Box("moof", new byte[8]);
        BinaryPrimitives.WriteUInt32BigEndian(data, size);

        // Act / Assert
        Assert.Throws<InvalidDataException>(() => Mp4Box.Children(data));
    }

    [Test]
    public void Children_TruncatedHeader_InvalidData()
    {
        // Act / Assert: five bytes cannot hold a box header.
        Assert.Throws<InvalidDataException>(() => Mp4Box.Children(new byte[5]));
    }

    [Test]
    public void Children_LargeSizeCutShort_InvalidData()
    {
        // Arrange: size 1 announces a 64-bit size that is not there.
        var data = new byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(data, 1);
        System.Text.Encoding.ASCII.GetBytes("mdat").CopyTo(data, 4);

        // Act / Assert
        Assert.Throws<InvalidDataException>(() => Mp4Box.Children(data));
    }

    [Test]
    public void Read_NotFragmented_InvalidDataNamingTheFile()
    {
        // Arrange: a plain (faststart) MP4 has no moof.
        var path = Path.Combine(Path.GetTempPath(), $"plain-{Guid.NewGuid():N}.mp4");
        File.WriteAllBytes(path, [.. Box("ftyp", new byte[8]), .. Box("mdat", new byte[16])]);
        try
        {
            // Act / Assert
            var failure = Assert.Throws<InvalidDataException>(() => FragmentedMp4Reader.Read(path));
            Assert.That(failure!.Message, Does.StartWith(Path.GetFileName(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
