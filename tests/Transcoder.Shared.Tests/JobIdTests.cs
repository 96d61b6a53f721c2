using Transcoder.Shared.Jobs;

namespace Transcoder.Shared.Tests;

public sealed class JobIdTests
{
    [Test]
    public void ForObject_SameUploadFromEventAndHead_SameId()
    {
        // Act: the event's eTag has no quotes, HeadObject's has; the same rule picks the same revision from both.
        var fromEvent = JobId.ForObject("uploads", "clips/a.mp4", SourceRevision.Of(null, "9b2cf535f27731c974343645a3985328", "0055AED6DCD90281E5"));
        var fromHead = JobId.ForObject("uploads", "clips/a.mp4", SourceRevision.Of("null", "\"9b2cf535f27731c974343645a3985328\""));

        // Assert
        Assert.That(fromHead, Is.EqualTo(fromEvent));
    }

    [Test]
    public void ForObject_NewUploadOfSameKey_NewId()
    {
        // Act
        var first = JobId.ForObject("uploads", "a.mp4", SourceRevision.Parse("etag:1"));
        var second = JobId.ForObject("uploads", "a.mp4", SourceRevision.Parse("etag:2"));

        // Assert
        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public void ForObject_BucketAndKeyBoundary_DoesNotCollide()
    {
        // Act: "a" + "b/c" and "a/b" + "c" must not hash the same text.
        var first = JobId.ForObject("a", "b/c", null);
        var second = JobId.ForObject("a/b", "c", null);

        // Assert
        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public void ForObject_Always_Is32LowerHexCharacters()
    {
        // Act
        var id = JobId.ForObject("b", "k ü/../-x", SourceRevision.Parse("v"));

        // Assert: safe in ECS tags, client tokens (≤ 64) and folder names.
        Assert.That(id, Does.Match("^[0-9a-f]{32}$"));
    }

    [Test]
    public void ForLocalFile_ModifiedFile_NewId()
    {
        // Arrange
        var time = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        // Act
        var first = JobId.ForLocalFile("/videos/a.mp4", SourceRevision.OfLocalFile(100, time));
        var second = JobId.ForLocalFile("/videos/a.mp4", SourceRevision.OfLocalFile(100, time.AddSeconds(1)));

        // Assert
        Assert.That(second, Is.Not.EqualTo(first));
    }
}
