using System.Text.Json.Nodes;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>
/// The CloudFormation template (JSON) as a tree to navigate: resources by logical id or type, their properties, and
/// every IAM policy statement in it, whether in a role, a managed policy, a queue policy or a bucket policy.
/// </summary>
public sealed class CloudFormationTemplate
{
    private CloudFormationTemplate(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public JsonObject Resources => Section("Resources");

    public JsonObject Parameters => Section("Parameters");

    public JsonObject Outputs => Section("Outputs");

    public static CloudFormationTemplate LoadShipped() => Parse(File.ReadAllText(DeployPaths.Template));

    public static CloudFormationTemplate Parse(string json) =>
        new(JsonNode.Parse(json) as JsonObject ?? throw new FormatException("a template is a JSON object"));

    /// <summary>A deep copy to change in a test without touching the original.</summary>
    public CloudFormationTemplate Clone() => new(Root.DeepClone().AsObject());

    public JsonObject Resource(string logicalId) =>
        Resources[logicalId] as JsonObject ?? throw new KeyNotFoundException($"the template has no resource {logicalId}");

    public string TypeOf(string logicalId) => (string?)Resource(logicalId)["Type"] ?? throw new FormatException($"{logicalId} has no Type");

    public JsonObject Properties(string logicalId) =>
        Resource(logicalId)["Properties"] as JsonObject ?? throw new KeyNotFoundException($"{logicalId} has no Properties");

    public IReadOnlyList<string> LogicalIdsOfType(string type) =>
        [.. Resources.Where(r => (string?)r.Value?["Type"] == type).Select(r => r.Key)];

    /// <summary>The one container of a task definition with that name.</summary>
    public JsonObject Container(string taskDefinitionId, string name) =>
        Intrinsics.Items(Properties(taskDefinitionId)["ContainerDefinitions"]).OfType<JsonObject>()
            .SingleOrDefault(c => (string?)c["Name"] == name)
        ?? throw new KeyNotFoundException($"{taskDefinitionId} has no container {name}");

    /// <summary>A container's environment as name to value (the value a literal or an intrinsic function).</summary>
    public static IReadOnlyDictionary<string, JsonNode?> EnvironmentOf(JsonObject container) =>
        Intrinsics.Items(container["Environment"]).OfType<JsonObject>()
            .ToDictionary(e => (string?)e["Name"] ?? throw new FormatException("environment entry without Name"), e => e["Value"]);

    /// <summary>Every statement of every policy document in the template.</summary>
    public IReadOnlyList<PolicyStatement> PolicyStatements()
    {
        var statements = new List<PolicyStatement>();
        foreach (var (id, resource) in Resources)
        {
            var type = (string?)resource?["Type"];
            var properties = resource?["Properties"] as JsonObject;
            if (properties is null)
            {
                continue;
            }

            switch (type)
            {
                case "AWS::IAM::Role" or "AWS::IAM::User" or "AWS::IAM::Group":
                    foreach (var policy in Intrinsics.Items(properties["Policies"]).OfType<JsonObject>())
                    {
                        var source = $"{id}/{(string?)policy["PolicyName"]}";
                        statements.AddRange(PolicyStatement.FromDocument(source, PolicyKind.Identity, [id], policy["PolicyDocument"]));
                    }

                    break;
                case "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy":
                    var attachedTo = Intrinsics.Items(properties["Roles"]).Select(Intrinsics.RefTarget).OfType<string>().ToList();
                    statements.AddRange(PolicyStatement.FromDocument(id, PolicyKind.Identity, attachedTo, properties["PolicyDocument"]));
                    break;
                case "AWS::SQS::QueuePolicy":
                    var queues = Intrinsics.Items(properties["Queues"]).Select(Intrinsics.RefTarget).OfType<string>().ToList();
                    statements.AddRange(PolicyStatement.FromDocument(id, PolicyKind.Resource, queues, properties["PolicyDocument"]));
                    break;
                case "AWS::S3::BucketPolicy":
                    var bucket = Intrinsics.RefTarget(properties["Bucket"]);
                    statements.AddRange(PolicyStatement.FromDocument(id, PolicyKind.Resource, bucket is null ? [] : [bucket], properties["PolicyDocument"]));
                    break;
                case "AWS::SNS::TopicPolicy":
                    statements.AddRange(PolicyStatement.FromDocument(id, PolicyKind.Resource, [], properties["PolicyDocument"]));
                    break;
            }
        }

        return statements;
    }

    /// <summary>The identity-policy statements that apply to one role (its inline policies and policies attached to it).</summary>
    public IReadOnlyList<PolicyStatement> RoleStatements(string roleId) =>
        [.. PolicyStatements().Where(s => s.Kind == PolicyKind.Identity && s.AttachedTo.Contains(roleId))];

    private JsonObject Section(string name) =>
        Root[name] as JsonObject ?? throw new KeyNotFoundException($"the template has no {name} section");
}
