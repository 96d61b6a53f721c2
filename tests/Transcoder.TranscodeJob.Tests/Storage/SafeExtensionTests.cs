using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Tests.Storage;

public sealed class SafeExtensionTests
{
    [TestCase("uploads/My Clip.MP4", ".mp4")]
    [TestCase("uploads/../../etc/passwd", "")]
    [TestCase("noext", "")]
    [TestCase("x.m$v", "")]
    [TestCase("-i.mov", ".mov")]
    [TestCase("a.verylongext", "")]
    public void SafeExtension_Key_KeepsOnlyAShortAlphanumericExtension(string key, string expected)
    {
        // Act / Assert
        Assert.That(S3SourceStore.SafeExtension(key), Is.EqualTo(expected));
    }
}
