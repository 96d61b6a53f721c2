using Transcoder.Client.Uploading;

namespace Transcoder.Client.Tests.Uploading;

public sealed class UploadJobOptionsTests
{
    [Test]
    public void ToMetadata_Lists_InTheirCanonicalForm()
    {
        // Arrange
        var options = new UploadJobOptions(" 720p , 360p ", "MP4,hls", "order 42") { Codecs = "AV1,h264" };

        // Act
        var metadata = options.ToMetadata();

        // Assert
        Assert.That(options.Problems([]), Is.Empty);
        Assert.That(metadata, Is.EqualTo(new Dictionary<string, string>
        {
            ["codecs"] = "h264,av1", ["formats"] = "hls,mp4", ["passthrough"] = "order 42", ["renditions"] = "720p,360p",
        }));
    }

    [Test]
    public void ToMetadata_NothingAsked_IsEmpty()
    {
        // Act / Assert
        Assert.That(UploadJobOptions.None.ToMetadata(), Is.Empty);
    }

    [Test]
    public void Problems_Passthrough255Characters_Accepted()
    {
        // Act / Assert
        Assert.That(new UploadJobOptions(null, null, new string('x', 255)).Problems([]), Is.Empty);
    }

    [TestCase("256", "256 characters long")]
    [TestCase("line\nbreak", "line break")]
    [TestCase("line\rbreak", "line break")]
    [TestCase("tab\there", "U+0009")]
    [TestCase("café", "U+00E9")]
    [TestCase(" padded", "starts or ends with a space")]
    [TestCase("padded ", "starts or ends with a space")]
    public void Problems_PassthroughBreakingTheRules_OneClearProblem(string passthrough, string expected)
    {
        // Arrange
        var text = passthrough == "256" ? new string('x', 256) : passthrough;

        // Act
        var problems = new UploadJobOptions(null, null, text).Problems([]);

        // Assert
        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith("--passthrough").And.Contain(expected));
    }

    [Test]
    public void Problems_UnknownRenditionAndFormat_BothReported()
    {
        // Act
        var problems = new UploadJobOptions("1080x,720p", "hls,webm", null).Problems([]);

        // Assert
        Assert.That(problems, Has.Count.EqualTo(2));
        Assert.That(problems[0], Does.Contain("1080x"));
        Assert.That(problems[1], Does.Contain("webm"));
    }

    [Test]
    public void Problems_CustomLadderName_AcceptedWhenConfigured()
    {
        // Act
        var withoutLadder = new UploadJobOptions("hd", null, null).Problems([]);
        var withLadder = new UploadJobOptions("hd", null, null).Problems(["hd", "sd"]);

        // Assert
        Assert.That(withoutLadder, Has.Count.EqualTo(1));
        Assert.That(withLadder, Is.Empty);
    }

    [Test]
    public void Problems_EmptyLists_Reported()
    {
        // Act
        var problems = new UploadJobOptions(",", ",", null).Problems([]);

        // Assert
        Assert.That(problems, Has.Count.EqualTo(2));
    }

    [Test]
    public void Problems_CodecsWithoutH264_Reported()
    {
        // Act
        var problems = (UploadJobOptions.None with { Codecs = "av1" }).Problems([]);

        // Assert
        Assert.That(problems.Single(), Does.StartWith("--codecs: codecs 'av1': h264 is always made"));
    }
}
