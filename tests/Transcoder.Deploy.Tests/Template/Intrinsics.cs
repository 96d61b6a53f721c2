using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>Reading template values that may be literals or CloudFormation intrinsic functions.</summary>
public static partial class Intrinsics
{
    /// <summary>A list value as its items; a single value as a one-item list; nothing as an empty list.</summary>
    public static IReadOnlyList<JsonNode?> Items(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array],
        _ => [node],
    };

    /// <summary>A literal string as itself, anything else as compact JSON.</summary>
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    /// <summary>The logical id a <c>Ref</c> or <c>Fn::GetAtt</c> points at, or null for anything else.</summary>
    public static string? RefTarget(JsonNode? node) => node switch
    {
        JsonObject o when o.Count == 1 && o["Ref"] is JsonValue r => (string?)r,
        JsonObject o when o.Count == 1 && o["Fn::GetAtt"] is JsonArray { Count: 2 } a => (string?)a[0],
        JsonObject o when o.Count == 1 && o["Fn::GetAtt"] is JsonValue g => ((string?)g)?.Split('.')[0],
        _ => null,
    };

    /// <summary>The template string of an <c>Fn::Sub</c> (either form), or null.</summary>
    public static string? SubTemplate(JsonNode? node) => node switch
    {
        JsonObject o when o["Fn::Sub"] is JsonValue s => (string?)s,
        JsonObject o when o["Fn::Sub"] is JsonArray { Count: > 0 } a => (string?)a[0],
        _ => null,
    };

    /// <summary>
    /// Whether the value uses <paramref name="logicalId"/>: <c>Ref</c>, <c>Fn::GetAtt</c>, or <c>${Id}</c> /
    /// <c>${Id.Attribute}</c> in an <c>Fn::Sub</c> template, anywhere inside it.
    /// </summary>
    public static bool Uses(JsonNode? node, string logicalId) => node switch
    {
        JsonObject o when RefTarget(o) == logicalId => true,
        JsonObject o when SubTemplate(o) is { } template && SubVariables(template).Contains(logicalId) => true,
        JsonObject o => o.Any(p => Uses(p.Value, logicalId)),
        JsonArray a => a.Any(i => Uses(i, logicalId)),
        _ => false,
    };

    /// <summary>Whether the value is <c>{"Ref": "AWS::NoValue"}</c>: the property or list item is left out.</summary>
    public static bool IsNoValue(JsonNode? node) => node is JsonObject o && o.Count == 1 && (string?)o["Ref"] == "AWS::NoValue";

    /// <summary>
    /// The values a node can take with the template's conditions: an <c>Fn::If</c> as each of its branches (with the
    /// condition, or <c>!condition</c>, that selects it; nested conditions joined by <c> &amp;&amp; </c>), AWS::NoValue as
    /// nothing, anything else as itself with <paramref name="condition"/>.
    /// </summary>
    public static IEnumerable<(JsonNode Value, string? Condition)> Branches(JsonNode? node, string? condition = null)
    {
        if (node is null || IsNoValue(node))
        {
            return [];
        }

        if (node is JsonObject o && o.Count == 1 && o["Fn::If"] is JsonArray { Count: 3 } branches && (string?)branches[0] is { } name)
        {
            return Branches(branches[1], Join(condition, name)).Concat(Branches(branches[2], Join(condition, "!" + name)));
        }

        return [(node, condition)];
    }

    /// <summary>
    /// A <c>Fn::Sub</c> template with every <c>${Variable}</c> replaced by <paramref name="value"/> of its name
    /// (<c>AWS::Region</c>, <c>Bucket</c>, <c>Bucket.Arn</c>) and every <c>${!Literal}</c> turned into <c>${Literal}</c>,
    /// as CloudFormation does.
    /// </summary>
    public static string Substitute(string template, Func<string, string> value) =>
        SubPlaceholder().Replace(template, m => m.Groups[1].Success ? "${" + m.Groups[1].Value + "}" : value(m.Groups[2].Value));

    private static string Join(string? outer, string inner) => outer is null ? inner : $"{outer} && {inner}";

    /// <summary>The logical ids and parameters that a <c>Fn::Sub</c> template names (<c>${X}</c>, <c>${X.Attr}</c>).</summary>
    public static IReadOnlySet<string> SubVariables(string template) =>
        SubVariable().Matches(template).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\$\{([A-Za-z0-9:]+)(?:\.[A-Za-z0-9.]+)?\}")]
    private static partial Regex SubVariable();

    // ${!Literal} (group 1) or ${Name} / ${Name.Attribute} (group 2).
    [GeneratedRegex(@"\$\{!([^}]*)\}|\$\{([A-Za-z0-9:]+(?:\.[A-Za-z0-9.]+)?)\}")]
    private static partial Regex SubPlaceholder();
}
