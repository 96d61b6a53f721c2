using Transcoder.TranscodeJob.Packaging;

namespace Transcoder.TranscodeJob.Tests.Packaging;

public sealed class Av1CodecStringTests
{
    [TestCase(new byte[] { 0x81, 0x08, 0x0c, 0x00 }, "av01.0.08M.08")]
    [TestCase(new byte[] { 0x81, 0x2d, 0xc0, 0x00 }, "av01.1.13H.10")]
    [TestCase(new byte[] { 0x81, 0x53, 0x60, 0x00 }, "av01.2.19M.12")]
    public void From_Av1C_ProfileLevelTierDepth(byte[] av1C, string expected)
    {
        // Act
        var codec = Av1CodecString.From(av1C);

        // Assert
        Assert.That(codec, Is.EqualTo(expected));
    }

    [Test]
    public void From_NoMarkerBit_Refused()
    {
        // Act & Assert
        Assert.Throws<InvalidDataException>(() => Av1CodecString.From(new byte[] { 0x01, 0x08, 0x0c, 0x00 }));
    }
}
