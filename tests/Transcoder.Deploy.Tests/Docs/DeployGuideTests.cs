using Transcoder.Deploy.Tests.Monitoring;
using Transcoder.Deploy.Tests.Template;
using Transcoder.Shared;

namespace Transcoder.Deploy.Tests.Docs;

/// <summary>The deploy guide's metric contract and playback URLs against the tests' contract and the job's folder naming.</summary>
public sealed class DeployGuideTests
{
    // The guide's example: an upload and the folder its outputs get.
    private const string ExampleBucket = "transcoder-temp-123456789012-eu-west-1";
    private const string ExampleKey = "uploads/Holiday Clip.mp4";

    // The guide's recipe for the hash part of a folder name, run here as written there.
    private const string HashRecipe = """printf '%s' "s3://$TEMP/$KEY" | sha256sum | cut -c1-16""";

    [Test]
    public void JobMetricsTable_DeployGuide_EveryMetricOfTheContractWithItsUnit()
    {
        var rows = DeployGuide.TableRows("| metric | unit | meaning |");

        Assert.That(rows.ToDictionary(r => DeployGuide.Plain(r[0]), r => DeployGuide.Plain(r[1])), Is.EquivalentTo(JobMetricsContract.Metrics));
    }

    [Test]
    public void JobMetrics_DeployGuide_NamespaceDimensionAndEveryOutcome()
    {
        var text = DeployGuide.Text();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain($"`{JobMetricsContract.Namespace}`"));
            Assert.That(text, Does.Contain($"[[\"{JobMetricsContract.Dimension}\"]]"));
            foreach (var outcome in JobMetricsContract.Outcomes)
            {
                Assert.That(text, Does.Contain($"`{outcome}`"), outcome);
            }
        });
    }

    [Test]
    public void PlaybackExample_DeployGuide_FolderIsTheOneTheJobWrites()
    {
        var folder = OutputFolder.ForObject(ExampleBucket, ExampleKey);

        Assert.That(DeployGuide.Text(), Does.Contain($"{folder}/master.m3u8"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task HashRecipe_DeployGuide_GivesTheFolderSuffix(CancellationToken cancellationToken)
    {
        var result = await ExternalTool.RunAsync("bash", ["-c", HashRecipe],
            new Dictionary<string, string> { ["TEMP"] = ExampleBucket, ["KEY"] = ExampleKey }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(DeployGuide.Text(), Does.Contain(HashRecipe));
            Assert.That(result.ExitCode, Is.Zero, result.Output);
            Assert.That(OutputFolder.ForObject(ExampleBucket, ExampleKey), Does.EndWith("-" + result.Output.Trim()));
        });
    }
}
