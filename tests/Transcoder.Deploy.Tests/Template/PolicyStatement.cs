using System.Text.Json.Nodes;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>One statement of a policy document, with where it came from for a failure message.</summary>
/// <param name="Source">Logical id and policy name, and the statement's Sid or index, e.g. <c>JobTaskRole/transcode#ReadUploads</c>.</param>
/// <param name="AttachedTo">Logical ids of the roles (identity policy) or of the queues/buckets (resource policy).</param>
/// <param name="OnlyIf">
/// The template condition under which the statement is in the policy (an <c>Fn::If</c> around it, e.g.
/// <c>PlaybackEnabled</c>, or <c>!PlaybackEnabled</c> for the other branch); null when it always is.
/// </param>
public sealed record PolicyStatement(string Source, PolicyKind Kind, IReadOnlyList<string> AttachedTo, JsonObject Json, string? OnlyIf = null)
{
    public bool IsAllow => (string?)Json["Effect"] == "Allow";

    /// <summary>The actions as written (an intrinsic function would be shown as its JSON).</summary>
    public IReadOnlyList<string> Actions => [.. Intrinsics.Items(Json["Action"]).Select(Intrinsics.Describe)];

    public bool HasNotAction => Json.ContainsKey("NotAction");

    public IReadOnlyList<JsonNode?> Resources => Intrinsics.Items(Json["Resource"]);

    public bool HasNotResource => Json.ContainsKey("NotResource");

    public JsonObject? Condition => Json["Condition"] as JsonObject;

    public JsonNode? Principal => Json["Principal"];

    /// <summary>Whether an action names <paramref name="service"/> (the prefix before the colon, case-insensitive).</summary>
    public bool HasActionOf(string service) =>
        Actions.Any(a => a.StartsWith(service + ":", StringComparison.OrdinalIgnoreCase));

    public bool HasAction(string action) => Actions.Any(a => string.Equals(a, action, StringComparison.OrdinalIgnoreCase));

    /// <summary>The value of a condition key under any operator (e.g. <c>ArnEquals</c>), with the operator.</summary>
    public IEnumerable<(string Operator, JsonNode? Value)> ConditionValues(string key) =>
        Condition is null
            ? []
            : Condition.Where(o => o.Value is JsonObject).SelectMany(o => o.Value!.AsObject()
                .Where(k => string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase))
                .Select(k => (o.Key, k.Value)));

    public override string ToString() => $"{Source}: {Json.ToJsonString()}";

    public static IEnumerable<PolicyStatement> FromDocument(string source, PolicyKind kind, IReadOnlyList<string> attachedTo, JsonNode? document)
    {
        var statements = Intrinsics.Items(document?["Statement"]);
        for (var i = 0; i < statements.Count; i++)
        {
            // A statement wrapped in Fn::If (present only with a condition) is still a statement a rule must see.
            foreach (var (value, condition) in Intrinsics.Branches(statements[i]))
            {
                if (value is JsonObject statement)
                {
                    var name = (string?)statement["Sid"] ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    yield return new PolicyStatement($"{source}#{name}", kind, attachedTo, statement, condition);
                }
            }
        }
    }
}
