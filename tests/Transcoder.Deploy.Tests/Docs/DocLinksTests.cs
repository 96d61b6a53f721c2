using Transcoder.Testing;

namespace Transcoder.Deploy.Tests.Docs;

/// <summary>The documentation's relative links resolve: README.md, docs/ and the guides beside the code.</summary>
public sealed class DocLinksTests
{
    [Test]
    public void RelativeLinks_EveryDocument_ResolveToAFileAndHeading()
    {
        // Arrange
        var documents = DocLinks.Documents();

        // Act
        var problems = documents.SelectMany(document => DocLinks.RelativeLinks(document).Select(target => DocLinks.Problem(document, target))).OfType<string>();

        // Assert
        Assert.That(documents, Does.Contain("README.md").And.Contain(Path.Combine("docs", "architecture.md")));
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Problem_MissingFileOrHeading_IsReported()
    {
        // Act / Assert: the check can fail.
        Assert.That(DocLinks.Problem("README.md", "docs/no-such-page.md"), Does.Contain("no such file"));
        Assert.That(DocLinks.Problem("README.md", "docs/job.md#no-such-heading"), Does.Contain("no heading"));
        Assert.That(DocLinks.Problem("README.md", "#quick-start"), Is.Null);
        Assert.That(DocLinks.Problem(Path.Combine("docs", "job.md"), "../bench/README.md"), Is.Null);
    }
}
