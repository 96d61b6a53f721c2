using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Pipeline;

public sealed class PublisherTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Test]
    [CancelAfter(30_000)]
    public async Task Publish_FromManyThreadsAtOnce_EveryFileListedOnceAndUploaded(CancellationToken cancellationToken)
    {
        // Arrange: as the progressive copies publish, each as it ends, with no lock of their own.
        var names = Enumerable.Range(0, 64).Select(i => $"{i}p.mp4").ToList();
        foreach (var name in names)
        {
            await File.WriteAllTextAsync(_temp.Combine(name), name, cancellationToken);
        }

        await using var publisher = new Publisher(new LocalOutputStore(_temp.Combine("out")), cancellationToken);

        // Act
        await Parallel.ForEachAsync(
            names,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            (name, _) =>
            {
                publisher.Publish(_temp.Combine(name), OutputRoles.Progressive);
                return ValueTask.CompletedTask;
            });
        await publisher.CompleteAsync();

        // Assert
        Assert.That(publisher.Files.Select(f => f.FileName), Is.EquivalentTo(names));
        Assert.That(Directory.GetFiles(_temp.Combine("out")).Select(Path.GetFileName), Is.EquivalentTo(names));
        Assert.That(publisher.Files.Select(f => f.ContentType).Distinct(), Is.EqualTo(new[] { "video/mp4" }));
    }
}
