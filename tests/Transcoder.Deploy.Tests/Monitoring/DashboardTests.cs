using System.Text.Json;
using System.Text.Json.Nodes;
using Transcoder.Deploy.Tests.Template;

namespace Transcoder.Deploy.Tests.Monitoring;

/// <summary>
/// The stack's CloudWatch dashboard: its body is a JSON string inside an Fn::Sub, which no linter parses, so these
/// tests resolve it with sample values and check that it is JSON and graphs the metrics the programs really write.
/// </summary>
public sealed class DashboardTests
{
    private const string DashboardId = "Dashboard";

    private readonly CloudFormationTemplate _template = CloudFormationTemplate.LoadShipped();

    private JsonNode Body => JsonNode.Parse(SampleSubstitution.Resolve(_template, _template.Properties(DashboardId)["DashboardBody"]))
        ?? throw new FormatException("empty dashboard body");

    private IReadOnlyList<DashboardMetric> Metrics => DashboardMetric.AllIn(Body);

    private IEnumerable<DashboardMetric> JobMetrics(string name) =>
        Metrics.Where(m => m.Namespace == JobMetricsContract.Namespace && m.Name == name);

    [Test]
    public void DashboardBody_ShippedTemplate_JsonOnceSubstitutedEveryRegionTheStacks()
    {
        var resolved = SampleSubstitution.Resolve(_template, _template.Properties(DashboardId)["DashboardBody"]);

        Assert.That(() => JsonDocument.Parse(resolved).Dispose(), Throws.Nothing, resolved);
        Assert.Multiple(() =>
        {
            Assert.That(_template.LogicalIdsOfType("AWS::CloudWatch::Dashboard"), Is.EqualTo(new[] { DashboardId }));
            Assert.That(Metrics, Is.Not.Empty);

            // A region written into the body would show another region's (empty) metrics after a deploy elsewhere.
            Assert.That(Metrics.Select(m => m.Region).Distinct(), Is.EqualTo(new[] { SampleSubstitution.SampleOf("AWS::Region") }));
        });
    }

    [Test]
    public void Dashboard_ShippedTemplate_JobsOfEveryOutcome()
    {
        var jobs = JobMetrics("Jobs").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(jobs.Select(m => m.Dimensions.GetValueOrDefault(JobMetricsContract.Dimension)), Is.EquivalentTo(JobMetricsContract.Outcomes));
            Assert.That(jobs.Select(m => m.Stat), Is.All.EqualTo("Sum"), "one Jobs datapoint per job: the sum counts jobs");
        });
    }

    [Test]
    public void Dashboard_ShippedTemplate_EncodeSecondsAndRealtimeFactorOfDoneJobs()
    {
        Assert.Multiple(() =>
        {
            foreach (var name in new[] { "EncodeSeconds", "RealtimeFactor" })
            {
                // Only a done job encoded: the other outcomes have nothing to time.
                Assert.That(JobMetrics(name).Select(m => m.Dimensions.GetValueOrDefault(JobMetricsContract.Dimension)), Is.Not.Empty.And.All.EqualTo(JobMetricsContract.Done), name);
            }
        });
    }

    [Test]
    public void Dashboard_ShippedTemplate_OnlyNamesAndDimensionOfTheJobContract()
    {
        // A typo ("Job", "outcome", "Done") is a graph that stays empty forever, with no error anywhere.
        var job = Metrics.Where(m => m.Namespace == JobMetricsContract.Namespace).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(job.Select(m => m.Name), Is.All.AnyOf(JobMetricsContract.Metrics.Keys.ToArray()));
            Assert.That(job.Select(m => string.Join(",", m.Dimensions.Keys)), Is.All.EqualTo(JobMetricsContract.Dimension));
            Assert.That(job.Select(m => m.Dimensions[JobMetricsContract.Dimension]), Is.All.AnyOf(JobMetricsContract.Outcomes.ToArray()));
        });
    }

    [Test]
    public void Dashboard_ShippedTemplate_EveryDispatcherCounter()
    {
        var counters = DispatcherEmfSource.Counters();
        var dispatcher = DispatcherMetrics().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(counters, Does.Contain("Received").And.Contain("Launched"), "the counters were read from the dispatcher's source");
            Assert.That(dispatcher.Where(m => m.Stat == "Sum").Select(m => m.Name), Is.SupersetOf(counters));
        });
    }

    [Test]
    public void Dashboard_ShippedTemplate_DispatchLatencyP50AndP99()
    {
        var latencies = DispatcherEmfSource.Latencies();

        Assert.Multiple(() =>
        {
            Assert.That(latencies, Is.EqualTo(new[] { "DispatchLatency" }), "the latency metric read from the dispatcher's source");
            Assert.That(DispatcherMetrics().Where(m => m.Name == "DispatchLatency").Select(m => m.Stat), Is.SupersetOf(new[] { "p50", "p99" }));
        });
    }

    [Test]
    public void Dashboard_ShippedTemplate_UploadDeadLetterQueueDepth()
    {
        var depth = Metrics.Where(m => m.Namespace == "AWS/SQS" && m.Name == "ApproximateNumberOfMessagesVisible");

        // The sample value shows the queue name comes from the DLQ resource itself, not a name written by hand.
        Assert.That(depth.Select(m => m.Dimensions.GetValueOrDefault("QueueName")), Does.Contain(SampleSubstitution.SampleOf("DeadLetterQueue.QueueName")));
    }

    [Test]
    public void Dashboard_ShippedTemplate_ShowsTheFailureRateAlarm()
    {
        var alarms = (Body["widgets"] as JsonArray ?? [])
            .SelectMany(w => w?["properties"]?["annotations"]?["alarms"] as JsonArray ?? [])
            .Select(a => (string?)a);

        Assert.That(alarms, Does.Contain(SampleSubstitution.SampleOf("JobFailureRateAlarm.Arn")));
    }

    [Test]
    public void DispatcherEnvironment_ShippedTemplate_MetricsInTheDefaultNamespace()
    {
        // The dashboard graphs the default namespace: a METRICS_NAMESPACE set on the task would move the metrics away.
        var environment = CloudFormationTemplate.EnvironmentOf(_template.Container("DispatcherTaskDefinition", "dispatcher"));

        Assert.That(environment.TryGetValue("METRICS_NAMESPACE", out var value) ? Intrinsics.Describe(value) : DispatcherEmfSource.DefaultNamespace(),
            Is.EqualTo(DispatcherEmfSource.DefaultNamespace()));
    }

    // The dispatcher's metrics as the dashboard graphs them: its default namespace (the stack sets no
    // METRICS_NAMESPACE) and its one dimension with the value the dispatcher writes.
    private IEnumerable<DashboardMetric> DispatcherMetrics()
    {
        var dimension = DispatcherEmfSource.Dimension();
        var service = DispatcherEmfSource.Service();
        return Metrics.Where(m => m.Namespace == DispatcherEmfSource.DefaultNamespace()
            && m.Dimensions.Count == 1 && m.Dimensions.GetValueOrDefault(dimension) == service);
    }
}
