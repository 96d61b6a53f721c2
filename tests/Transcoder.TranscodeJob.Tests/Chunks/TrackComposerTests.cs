using Amazon.S3.Model;
using Transcoder.LocalAws;
using Transcoder.TranscodeJob.Chunks;

namespace Transcoder.TranscodeJob.Tests.Chunks;

public sealed class TrackComposerTests
{
    private const long Min = 100;

    [Test]
    public void Parts_LargeRanges_EachCopiedAsItIs()
    {
        // Arrange: the first chunk whole, the others after their init section, all over the minimum.
        ObjectRange[] ranges = [new("c0", 0, 499), new("c1", 40, 339), new("c2", 40, 99)];

        // Act
        var parts = TrackComposer.Parts(ranges, Min);

        // Assert: the last part may be small.
        Assert.That(parts, Is.EqualTo(new[] { new[] { ranges[0] }, new[] { ranges[1] }, new[] { ranges[2] } }));
    }

    [Test]
    public void Parts_SmallRunBeforeALargeRange_CompletedWithItsHeadAndTheRestCopied()
    {
        // Arrange
        ObjectRange[] ranges = [new("c0", 0, 29), new("c1", 40, 69), new("c2", 40, 539), new("c3", 40, 49)];

        // Act
        var parts = TrackComposer.Parts(ranges, Min);

        // Assert: 30 + 30 + the first 40 bytes of c2 come through the task; c2's other 460 are copied.
        Assert.That(parts, Is.EqualTo(new[]
        {
            new[] { ranges[0], ranges[1], new ObjectRange("c2", 40, 79) },
            new[] { new ObjectRange("c2", 80, 539) },
            new[] { ranges[3] },
        }));
        Assert.That(parts.SkipLast(1).All(p => p.Sum(r => r.Length) >= Min));
    }

    [Test]
    public void Parts_OnlySmallRanges_OnePartOfAllOfThem()
    {
        // Arrange: a short source of a small rung: nothing reaches S3's minimum.
        ObjectRange[] ranges = [new("c0", 0, 9), new("c1", 5, 14), new("c2", 5, 9)];

        // Act / Assert
        Assert.That(TrackComposer.Parts(ranges, Min), Is.EqualTo(new[] { ranges }));
    }

    [Test]
    [Category("Integration")]
    [CancelAfter(60_000)]
    public async Task ComposeAsync_ChunksLargeAndSmall_TheObjectIsTheirConcatenation(CancellationToken cancellationToken)
    {
        // Arrange: S3's real minimum, which the emulator enforces too.
        var bucket = $"compose-{Guid.NewGuid():N}"[..20];
        using var s3 = (await FauxqsEmulator.Shared).CreateS3Client();
        await s3.PutBucketAsync(bucket, cancellationToken);
        var objects = new[] { ("c0", Bytes(6 << 20, 1)), ("c1", Bytes(1 << 20, 2)), ("c2", Bytes(7 << 20, 3)), ("c3", Bytes(300_000, 4)) };
        foreach (var (key, bytes) in objects)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(bytes) }, cancellationToken);
        }

        ObjectRange[] ranges = [new("c0", 0, (6 << 20) - 1), new("c1", 700, (1 << 20) - 1), new("c2", 700, (7 << 20) - 1), new("c3", 700, 299_999)];

        // Act
        var size = await new TrackComposer(s3, bucket).ComposeAsync("whole.cmfv", "video/mp4", ranges, cancellationToken);

        // Assert
        using var response = await s3.GetObjectAsync(bucket, "whole.cmfv", cancellationToken);
        using var whole = new MemoryStream();
        await response.ResponseStream.CopyToAsync(whole, cancellationToken);
        var expected = objects[0].Item2.Concat(objects[1].Item2[700..]).Concat(objects[2].Item2[700..]).Concat(objects[3].Item2[700..]).ToArray();
        Assert.That(whole.ToArray(), Is.EqualTo(expected));
        Assert.That(size, Is.EqualTo(expected.Length));
        Assert.That(response.Headers.ContentType, Is.EqualTo("video/mp4"));
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
