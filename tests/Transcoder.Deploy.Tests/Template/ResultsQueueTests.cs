namespace Transcoder.Deploy.Tests.Template;

/// <summary>The results queue: the job's completion events, an outbox the customer's application reads.</summary>
public sealed class ResultsQueueTests
{
    private readonly CloudFormationTemplate _template = CloudFormationTemplate.LoadShipped();

    [Test]
    public void ResultsQueue_ShippedTemplate_EncryptedAndKeptFourteenDays()
    {
        var queue = _template.Properties(IamRules.ResultsQueue);

        Assert.Multiple(() =>
        {
            Assert.That(_template.TypeOf(IamRules.ResultsQueue), Is.EqualTo("AWS::SQS::Queue"));
            Assert.That(queue["SqsManagedSseEnabled"]?.GetValue<bool>(), Is.True);

            // SQS's maximum: an application that was down for a week still finds every event.
            Assert.That(queue["MessageRetentionPeriod"]?.GetValue<int>(), Is.EqualTo(1_209_600));
        });
    }

    [Test]
    public void JobEnvironment_ShippedTemplate_ResultsQueueUrlIsTheResultsQueue()
    {
        var environment = CloudFormationTemplate.EnvironmentOf(_template.Container(IamRules.JobTaskDefinition, FilesystemRules.JobContainer));

        // Ref of a queue is its URL, what SendMessage takes.
        Assert.That(environment.TryGetValue("RESULTS_QUEUE_URL", out var url) ? Intrinsics.RefTarget(url) : null, Is.EqualTo(IamRules.ResultsQueue));
    }

    [Test]
    public void Outputs_ShippedTemplate_ResultsQueueUrlAndArnForTheApplication()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_template.Outputs["ResultsQueueUrl"]?["Value"]?.ToJsonString(), Is.EqualTo("""{"Ref":"ResultsQueue"}"""));
            Assert.That(_template.Outputs["ResultsQueueArn"]?["Value"]?.ToJsonString(), Is.EqualTo("""{"Fn::GetAtt":["ResultsQueue","Arn"]}"""));
        });
    }
}
