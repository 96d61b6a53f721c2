namespace Transcoder.Shared.Tests;

public sealed class OutputFolderTests
{
    [Test]
    public void ForObject_SameSource_SameFolder()
    {
        // Act / Assert
        Assert.That(OutputFolder.ForObject("uploads", "a/clip.mp4"), Is.EqualTo(OutputFolder.ForObject("uploads", "a/clip.mp4")));
    }

    [Test]
    public void ForObject_SameFileNameInTwoFolders_DifferentFolders()
    {
        // Act
        var first = OutputFolder.ForObject("uploads", "a/clip.mp4");
        var second = OutputFolder.ForObject("uploads", "b/clip.mp4");

        // Assert
        Assert.That(second, Is.Not.EqualTo(first));
        Assert.That(first, Does.StartWith("clip-"));
    }

    [Test]
    public void ForObject_SameKeyInTwoBuckets_DifferentFolders()
    {
        // Act / Assert
        Assert.That(OutputFolder.ForObject("one", "clip.mp4"), Is.Not.EqualTo(OutputFolder.ForObject("two", "clip.mp4")));
    }

    [TestCase("../../etc/passwd", "passwd")]
    [TestCase("-rf .mov", "rf")]
    [TestCase("Ünïcödé Fïlm (2024).MP4", "unicode-film-2024")]
    [TestCase("concat:a.mp4|b.mp4", "concat-a-mp4-b")]
    [TestCase("http://evil/x.mp4", "x")]
    [TestCase("视频.mp4", "video")]
    [TestCase("folder/", "video")]
    public void ForObject_HostileKeys_GiveSafeSlugs(string key, string expectedSlug)
    {
        // Act
        var folder = OutputFolder.ForObject("uploads", key);

        // Assert
        Assert.That(folder, Does.Match("^[a-z0-9-]+-[0-9a-f]{16}$"));
        Assert.That(folder[..^17], Is.EqualTo(expectedSlug));
    }

    [Test]
    public void Slug_VeryLongName_IsCappedAt48()
    {
        // Act
        var slug = OutputFolder.Slug(new string('a', 300) + ".mp4");

        // Assert
        Assert.That(slug, Has.Length.EqualTo(48));
    }
}
