using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;
using Transcoder.Testing;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Tests.Support;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Tests.Pipeline;

/// <summary>The output folder's rules on a real local folder: claim, stale files, commit, re-checks.</summary>
public sealed class JobOutputFolderTests : IDisposable
{
    private static readonly DateTimeOffset CompletedAt = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Source => _temp.Combine("clip.mp4");

    private string Output => _temp.Combine("out");

    private JobOutputFolder CreateSut() =>
        new(new LocalSourceStore(new LocalInput(Source)), new LocalOutputStore(Output), NullLogger.Instance);

    [Test]
    [CancelAfter(10_000)]
    public async Task ClaimAsync_DuplicateFinishedMeanwhile_ReturnsItsManifestAndKeepsIt(CancellationToken cancellationToken)
    {
        // Arrange: a duplicate job (a redelivered message) wrote the manifest for the same fingerprint.
        var described = await DescribeSourceAsync("one upload", cancellationToken);
        var manifest = WriteManifest("abc");
        var sut = CreateSut();

        // Act
        var duplicate = await sut.ClaimAsync(described, manifest.Source.Fingerprint, cancellationToken);

        // Assert
        Assert.That(duplicate?.Source.Fingerprint, Is.EqualTo(manifest.Source.Fingerprint));
        Assert.That(File.Exists(Path.Combine(Output, JobManifest.FileName)), Is.True);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ClaimAsync_AnotherRequestsManifest_DeletesItFirst(CancellationToken cancellationToken)
    {
        // Arrange: an older upload's manifest, whose files this job is about to replace.
        var described = await DescribeSourceAsync("one upload", cancellationToken);
        WriteManifest("older");
        var sut = CreateSut();

        // Act
        var duplicate = await sut.ClaimAsync(described, "etag:newer;request=3a13f705c842f268", cancellationToken);

        // Assert: "manifest present" keeps meaning "complete" while the new files go up.
        Assert.That(duplicate, Is.Null);
        Assert.That(File.Exists(Path.Combine(Output, JobManifest.FileName)), Is.False);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ClaimAsync_SourceReplacedDuringTheEncode_ThrowsSupersededAndKeepsTheFolder(CancellationToken cancellationToken)
    {
        // Arrange
        var described = await DescribeSourceAsync("one upload", cancellationToken);
        var manifest = WriteManifest("older");
        await File.WriteAllTextAsync(Source, "a later, longer upload of the same key", cancellationToken);
        var sut = CreateSut();

        // Act / Assert
        Assert.That(
            async () => await sut.ClaimAsync(described, "etag:other;request=3a13f705c842f268", cancellationToken),
            Throws.TypeOf<SourceSupersededException>());
        Assert.That((await sut.ReadManifestAsync(cancellationToken))?.Source.Fingerprint, Is.EqualTo(manifest.Source.Fingerprint));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CommitAsync_StaleFilesAndFailureRecord_RemovedAndManifestWritten(CancellationToken cancellationToken)
    {
        // Arrange: an earlier upload's 1080p copy and failure record beside this upload's published 720p copy.
        var described = await DescribeSourceAsync("one upload", cancellationToken);
        Directory.CreateDirectory(Output);
        foreach (var name in new[] { "1080p.mp4", FailureRecord.FileName, "720p.mp4" })
        {
            await File.WriteAllTextAsync(Path.Combine(Output, name), name, cancellationToken);
        }

        var published = new OutputFile("720p.mp4", OutputRoles.Progressive, "video/mp4", Path.Combine(Output, "720p.mp4"));
        var manifest = ManifestOf("abc");
        using var workspace = JobWorkspace.Create(_temp.Path, "job");
        var sut = CreateSut();

        // Act
        await sut.CommitAsync(described, manifest, [published.FileName], workspace, cancellationToken);

        // Assert
        Assert.That(Directory.GetFiles(Output).Select(Path.GetFileName), Is.EquivalentTo(new[] { "720p.mp4", JobManifest.FileName }));
        Assert.That((await sut.ReadManifestAsync(cancellationToken))?.Source.Fingerprint, Is.EqualTo(manifest.Source.Fingerprint));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CommitAsync_SourceReplacedWhileFilesWentUp_ThrowsSupersededWithoutAManifest(CancellationToken cancellationToken)
    {
        // Arrange
        var described = await DescribeSourceAsync("one upload", cancellationToken);
        Directory.CreateDirectory(Output);
        await File.WriteAllTextAsync(Source, "a later, longer upload of the same key", cancellationToken);
        using var workspace = JobWorkspace.Create(_temp.Path, "job");
        var sut = CreateSut();

        // Act / Assert: the manifest would make the folder this (older) upload's.
        Assert.That(
            async () => await sut.CommitAsync(described, ManifestOf("abc"), [], workspace, cancellationToken),
            Throws.TypeOf<SourceSupersededException>());
        Assert.That(File.Exists(Path.Combine(Output, JobManifest.FileName)), Is.False);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ReadManifestAsync_Unreadable_IsNull(CancellationToken cancellationToken)
    {
        // Arrange
        Directory.CreateDirectory(Output);
        await File.WriteAllTextAsync(Path.Combine(Output, JobManifest.FileName), "{ not json", cancellationToken);

        // Act
        var manifest = await CreateSut().ReadManifestAsync(cancellationToken);

        // Assert: transcoded again rather than trusted.
        Assert.That(manifest, Is.Null);
    }

    private async Task<SourceObject> DescribeSourceAsync(string content, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(Source, content, cancellationToken);
        return await new LocalSourceStore(new LocalInput(Source)).DescribeAsync(cancellationToken);
    }

    private JobManifest WriteManifest(string eTag)
    {
        Directory.CreateDirectory(Output);
        var json = JobDocuments.Manifest(eTag, CompletedAt);
        File.WriteAllText(Path.Combine(Output, JobManifest.FileName), json);
        return JsonSerializer.Deserialize(json, ManifestJsonContext.Default.JobManifest)!;
    }

    private static JobManifest ManifestOf(string eTag) =>
        JsonSerializer.Deserialize(JobDocuments.Manifest(eTag, CompletedAt), ManifestJsonContext.Default.JobManifest)!;
}
