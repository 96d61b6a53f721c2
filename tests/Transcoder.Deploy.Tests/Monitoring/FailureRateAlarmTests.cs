using System.Text.Json.Nodes;
using Transcoder.Deploy.Tests.Template;

namespace Transcoder.Deploy.Tests.Monitoring;

/// <summary>The job failure-rate alarm: what its metric math computes, over which metrics and period.</summary>
public sealed class FailureRateAlarmTests
{
    private const string AlarmId = "JobFailureRateAlarm";

    private readonly CloudFormationTemplate _template = CloudFormationTemplate.LoadShipped();

    private JsonObject Alarm => _template.Properties(AlarmId);

    private List<JsonObject> Queries => [.. Intrinsics.Items(Alarm["Metrics"]).OfType<JsonObject>()];

    private string Expression => Queries.Where(q => q["Expression"] is not null).Select(q => (string?)q["Expression"]).Single() ?? string.Empty;

    /// <summary>The Outcome of each metric query (id to outcome) that reads the contract's Jobs metric.</summary>
    private Dictionary<string, string> OutcomeById => Queries
        .Where(q => q["MetricStat"]?["Metric"] is JsonObject metric
            && (string?)metric["Namespace"] == JobMetricsContract.Namespace && (string?)metric["MetricName"] == "Jobs")
        .ToDictionary(
            q => (string?)q["Id"] ?? string.Empty,
            q => Intrinsics.Items(q["MetricStat"]?["Metric"]?["Dimensions"]).OfType<JsonObject>()
                .Single(d => (string?)d["Name"] == JobMetricsContract.Dimension)["Value"]?.GetValue<string>() ?? string.Empty);

    [Test]
    public void Expression_ShippedTemplate_ReadsJobsOfEveryOutcome()
    {
        var ids = MetricMath.Ids(Expression);

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.SubsetOf(OutcomeById.Keys), "every id of the expression is a Jobs query");
            Assert.That(ids.Select(id => OutcomeById[id]), Is.EquivalentTo(JobMetricsContract.Outcomes));
            Assert.That(Queries.Where(q => q["ReturnData"]?.GetValue<bool>() == true).Select(q => q["Expression"] is not null), Is.EqualTo(new[] { true }), "the alarm watches the expression alone");
        });
    }

    [Test]
    public void Expression_ShippedTemplate_FailedOverAllFinishedJobs()
    {
        // Arrange: the period's Jobs sums, by Outcome; an outcome left out had no job.
        double? Rate(params (string Outcome, double Jobs)[] sums) =>
            MetricMath.Evaluate(Expression, OutcomeById.Where(q => sums.Any(s => s.Outcome == q.Value))
                .ToDictionary(q => q.Key, q => sums.Single(s => s.Outcome == q.Value).Jobs));

        Assert.Multiple(() =>
        {
            Assert.That(Rate(("done", 9), ("failed", 1)), Is.EqualTo(0.1).Within(1e-9));
            Assert.That(Rate(("done", 2), ("already-done", 1), ("superseded", 1), ("bad-input", 4), ("failed", 2)), Is.EqualTo(0.2).Within(1e-9), "every outcome counts in the total");
            Assert.That(Rate(("failed", 3)), Is.EqualTo(1.0), "only failures");
            Assert.That(Rate(("done", 5)), Is.Zero, "no failure: no datapoint for failed, not missing data");
            Assert.That(Rate(("bad-input", 5)), Is.Zero, "bad input is the uploader's problem, not a failure");
            Assert.That(Rate(), Is.Null, "no job at all: no data");
        });
    }

    [Test]
    public void Queries_ShippedTemplate_SumOverFifteenMinutesInOnePeriod()
    {
        var stats = Queries.Select(q => q["MetricStat"]).OfType<JsonObject>().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(stats, Has.Count.EqualTo(JobMetricsContract.Outcomes.Count));
            Assert.That(stats.Select(s => s["Period"]?.GetValue<int>()), Is.All.EqualTo(900));
            Assert.That(stats.Select(s => (string?)s["Stat"]), Is.All.EqualTo("Sum"));
            Assert.That(Alarm["EvaluationPeriods"]?.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public void Alarm_ShippedTemplate_AboveTheThresholdParameterMissingDataNotBreaching()
    {
        var threshold = _template.Parameters["JobFailureRateThreshold"];

        Assert.Multiple(() =>
        {
            Assert.That(Intrinsics.RefTarget(Alarm["Threshold"]), Is.EqualTo("JobFailureRateThreshold"));
            Assert.That(threshold?["Default"]?.GetValue<double>(), Is.EqualTo(0.1));
            Assert.That((string?)Alarm["ComparisonOperator"], Is.EqualTo("GreaterThanThreshold"));

            // No job in 15 minutes is not a failure.
            Assert.That((string?)Alarm["TreatMissingData"], Is.EqualTo("notBreaching"));
        });
    }

    [Test]
    public void Alarms_ShippedTemplate_NotifyTheTopicOnlyWhenOneIsGiven()
    {
        Assert.Multiple(() =>
        {
            foreach (var alarm in _template.LogicalIdsOfType("AWS::CloudWatch::Alarm"))
            {
                foreach (var actions in new[] { "AlarmActions", "OKActions" })
                {
                    var branches = Intrinsics.Branches(_template.Properties(alarm)[actions]).ToList();
                    Assert.That(branches.Select(b => (b.Condition, Intrinsics.Items(b.Value).Select(Intrinsics.RefTarget).Single())),
                        Is.EqualTo(new[] { ("HasAlarmTopic", "AlarmTopicArn") }), $"{alarm} {actions}");
                }
            }
        });
    }
}
