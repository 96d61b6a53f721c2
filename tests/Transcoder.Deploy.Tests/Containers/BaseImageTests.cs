namespace Transcoder.Deploy.Tests.Containers;

/// <summary>
/// Every base image is pinned by digest, so that building the same commit twice builds on the same bases; the tag
/// stays beside it for deploy/update-base-images.sh and for the reader.
/// </summary>
public sealed class BaseImageTests
{
    private static IEnumerable<ImageCase> Images => ImageCase.All;

    private static DockerfileDocument Load(ImageCase image) => DockerfileDocument.Load(ContainerPaths.Combine(image.Dockerfile));

    // FROM <earlier stage> builds on this Dockerfile's own stage, not on an image.
    private static IEnumerable<string> ExternalBaseImages(DockerfileDocument dockerfile) =>
        dockerfile.Stages
            .Where((stage, index) => !dockerfile.Stages.Take(index).Any(earlier => earlier.Name == stage.BaseImage))
            .Select(stage => stage.BaseImage);

    [TestCaseSource(nameof(Images))]
    public void From_EveryBaseImage_PinnedByTagAndSha256Digest(ImageCase image)
    {
        // Act: the FROM lines with the ARG defaults substituted, i.e. what `docker build` without --build-arg pulls.
        var bases = ExternalBaseImages(Load(image)).ToList();
        var unpinned = bases.Where(reference => BaseImageReference.TryParse(reference) is null).ToList();

        // Assert
        Assert.That(bases, Is.Not.Empty);
        Assert.That(unpinned, Is.Empty, $"{image.Dockerfile}: base images without image:tag@sha256:<64 hex digits>");
    }

    [TestCaseSource(nameof(Images))]
    public void From_BuildAndRuntime_SameUbuntuRelease(ImageCase image)
    {
        // A Native AOT binary needs the glibc it was linked against (or newer): both stages on noble.
        var tags = ExternalBaseImages(Load(image)).Select(BaseImageReference.TryParse).Select(reference => reference?.Tag);

        Assert.That(tags, Is.All.EndsWith("-noble"));
    }

    [Test]
    public void From_BothDockerfiles_PinTheSameImages()
    {
        // One SDK and one runtime-deps for both images: updated together, and the job and dispatcher binaries are
        // built by the same toolchain.
        var pins = ImageCase.All.Select(image => ExternalBaseImages(Load(image)).ToList()).ToList();

        Assert.That(pins[0], Has.Count.EqualTo(2));
        Assert.That(pins.Skip(1), Is.All.EqualTo(pins[0]));
    }

    [TestCase("mcr.microsoft.com/dotnet/sdk:10.0-noble@sha256:e70cdb7f80b0348f5cb85f19a8f670fca061f033d57eed12fa003d58b0e06317", true)]
    [TestCase("localhost:5000/dotnet/sdk:10.0@sha256:e70cdb7f80b0348f5cb85f19a8f670fca061f033d57eed12fa003d58b0e06317", true)]
    [TestCase("mcr.microsoft.com/dotnet/sdk:10.0-noble", false)]
    [TestCase("mcr.microsoft.com/dotnet/sdk@sha256:e70cdb7f80b0348f5cb85f19a8f670fca061f033d57eed12fa003d58b0e06317", false)]
    [TestCase("mcr.microsoft.com/dotnet/sdk:10.0-noble@sha256:e70cdb7f", false)]
    [TestCase("mcr.microsoft.com/dotnet/sdk:10.0-noble@sha256:E70CDB7F80B0348F5CB85F19A8F670FCA061F033D57EED12FA003D58B0E06317", false)]
    [TestCase("${SDK_IMAGE}", false)]
    public void TryParse_Reference_PinnedOnlyWithTagAndFullDigest(string reference, bool pinned) =>
        Assert.That(BaseImageReference.TryParse(reference) is not null, Is.EqualTo(pinned));
}
