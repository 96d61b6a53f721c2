using Transcoder.Shared.Messages;

namespace Transcoder.Shared.Tests.Messages;

public sealed class S3KeyEncodingTests
{
    [TestCase("plain.mp4")]
    [TestCase("with space+plus.mp4")]
    [TestCase("ünïcødé/動画 %41.mov")]
    [TestCase("-leading/../http:x")]
    public void Encode_ThenDecode_GivesTheKeyBack(string key)
    {
        // Act
        var roundTrip = S3KeyEncoding.Decode(S3KeyEncoding.Encode(key));

        // Assert
        Assert.That(roundTrip, Is.EqualTo(key));
    }

    [Test]
    public void Encode_Space_IsPlusAsS3Writes()
    {
        // Act
        var encoded = S3KeyEncoding.Encode("a b+c");

        // Assert
        Assert.That(encoded, Is.EqualTo("a+b%2Bc"));
    }
}
