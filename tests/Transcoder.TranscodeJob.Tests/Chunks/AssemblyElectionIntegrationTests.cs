using System.Text.Json;
using Transcoder.LocalAws;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Chunks;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Chunks;

/// <summary>
/// The meeting point of a long source's parts, on the emulator (with S3's conditional writes): one assembler however
/// the parts race, and one report of a failure however many parts find it.
/// </summary>
[Category("Integration")]
public sealed class AssemblyElectionIntegrationTests
{
    private const int Chunks = 5;

    [Test]
    [CancelAfter(60_000)]
    public async Task ClaimAsync_EveryPartFinishingAtOnce_ExactlyOneAssembles(CancellationToken cancellationToken)
    {
        // Arrange: the source's part and five chunks, each about to record its marker.
        var area = await AreaAsync(cancellationToken);
        var plan = Plan();
        string[] parts = ["source", .. Enumerable.Range(0, Chunks).Select(i => new JobChunk("0123456789abcdef", i, Chunks).Display)];
        string[] markers = [SourcePiece.MarkerName, .. Enumerable.Range(0, Chunks).Select(ChunkPiece.MarkerName)];

        // Act: each writes its marker, then counts and claims, all at once.
        var outcomes = await Task.WhenAll(parts.Zip(markers).Select(async pair =>
        {
            await area.PutTextAsync(pair.Second, "{}", cancellationToken);
            try
            {
                await AssemblyElection.ClaimAsync(area, plan, pair.First, cancellationToken);
                return pair.First;
            }
            catch (PartDoneException)
            {
                return null;
            }
        }));

        // Assert: one, and the claim names it.
        var assembler = outcomes.OfType<string>().Single();
        Assert.That(await area.ReadTextAsync(AssemblyElection.ClaimName, cancellationToken), Is.EqualTo(assembler));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task ClaimAsync_AssemblerRetriedAfterItsTaskStopped_ItAloneAssemblesAgain(CancellationToken cancellationToken)
    {
        // Arrange: every part in, chunk 3 claimed the assembly, then Spot took its task.
        var area = await AreaAsync(cancellationToken);
        var plan = Plan();
        foreach (var marker in Enumerable.Range(0, Chunks).Select(ChunkPiece.MarkerName).Append(SourcePiece.MarkerName))
        {
            await area.PutTextAsync(marker, "{}", cancellationToken);
        }

        await AssemblyElection.ClaimAsync(area, plan, "chunk 3 of 5", cancellationToken);

        // Act / Assert: its message comes back and the same chunk claims again; a duplicate of another part does not.
        await AssemblyElection.ClaimAsync(area, plan, "chunk 3 of 5", cancellationToken);
        await Assert.ThrowsAsync<PartDoneException>(() => AssemblyElection.ClaimAsync(area, plan, "chunk 1 of 5", cancellationToken));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task ClaimAsync_APartStillRunning_NobodyAssembles(CancellationToken cancellationToken)
    {
        // Arrange: chunk 4's marker is missing.
        var area = await AreaAsync(cancellationToken);
        foreach (var marker in Enumerable.Range(0, Chunks - 1).Select(ChunkPiece.MarkerName).Append(SourcePiece.MarkerName))
        {
            await area.PutTextAsync(marker, "{}", cancellationToken);
        }

        // Act
        var done = await Assert.ThrowsAsync<PartDoneException>(() => AssemblyElection.ClaimAsync(area, Plan(), "source", cancellationToken));

        // Assert
        Assert.That(done!.Message, Does.Contain("1 of the job's 6 parts still running"));
        Assert.That(await area.ReadTextAsync(AssemblyElection.ClaimName, cancellationToken), Is.Null);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task FailAsync_ThreeChunksOnBadInputAtOnce_OneReportsTheOthersStayQuiet(CancellationToken cancellationToken)
    {
        // Arrange
        var area = await AreaAsync(cancellationToken);
        await area.PutTextAsync("chunk-0001/360p.cmfv", "media", cancellationToken);
        var failure = JobException.BadInput("ffmpeg failed on 360p: Invalid data found when processing input");

        // Act
        var thrown = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => JobVerdicts.FailAsync(area, failure, $"chunk {i + 1} of 3")));

        // Assert: one keeps the failure to report it; the job is over for every part still to come.
        Assert.That(thrown.Count(f => !f.ReportedElsewhere), Is.EqualTo(1));
        Assert.That(thrown.Select(f => f.Message), Is.All.EqualTo(failure.Message));
        await Assert.ThrowsAsync<PartDoneException>(() => JobVerdicts.ThrowIfSettledAsync(area, cancellationToken));
        Assert.That(await area.ListAsync("", cancellationToken), Is.EqualTo(new[] { JobVerdict.FileName }), "the parts' results removed");
        var verdict = JsonSerializer.Deserialize(await area.ReadTextAsync(JobVerdict.FileName, cancellationToken) ?? "", ChunkJsonContext.Default.JobVerdict);
        Assert.That(verdict!.Type, Is.EqualTo(JobEvent.Failed));
    }

    private static async Task<WorkArea> AreaAsync(CancellationToken cancellationToken)
    {
        var bucket = $"election-{Guid.NewGuid():N}"[..20];
        var s3 = (await FauxqsEmulator.Shared).CreateS3Client();
        await s3.PutBucketAsync(bucket, cancellationToken);
        return WorkArea.For(s3, S3Output.Create(bucket, "renditions"), "film-0123456789abcdef", "0123456789abcdef", TimeProvider.System);
    }

    private static SplitPlan Plan()
    {
        var rendition = new RenditionPlan("360p", 640, 360, new Rational(25, 1), 800, 96, false, false) { Duration = TimeSpan.FromSeconds(50) };
        return new SplitPlan(
            "0123456789abcdef", "job", "etag:1;request=0", "etag:1",
            new ManifestSource("s3://t/k", "etag:1;request=0", "1", null, 1, "mov", 50, new ManifestVideo("h264", 640, 360, 640, 360, "1:1", 0, "25", "yuv420p", null), [], 50),
            TimeSpan.FromSeconds(50), "mov", 0, TimeSpan.Zero, 1_000_000,
            [rendition], AudioTracks.None, null, new EncoderSettings(),
            [.. Enumerable.Range(0, Chunks).Select(i => new ChunkRange(i, i * 250L, (i + 1) * 250L))],
            StoryboardPlan.For(TimeSpan.FromSeconds(50), 640, 360), "hls", null, DateTimeOffset.UnixEpoch);
    }
}
