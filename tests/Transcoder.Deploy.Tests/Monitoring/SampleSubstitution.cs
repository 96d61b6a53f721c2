using System.Text.Json.Nodes;
using Transcoder.Deploy.Tests.Template;

namespace Transcoder.Deploy.Tests.Monitoring;

/// <summary>
/// An <c>Fn::Sub</c> string as CloudFormation would resolve it, with a recognisable sample value for each variable
/// (<c>&lt;AWS::Region&gt;</c>, <c>&lt;DeadLetterQueue.QueueName&gt;</c>), so that a test can parse the result and see
/// which resource a value came from. A variable that is no parameter, resource or pseudo parameter fails.
/// </summary>
public static class SampleSubstitution
{
    public static string SampleOf(string variable) => $"<{variable}>";

    public static string Resolve(CloudFormationTemplate template, JsonNode? sub)
    {
        var text = Intrinsics.SubTemplate(sub) ?? throw new FormatException($"not an Fn::Sub: {Intrinsics.Describe(sub)}");
        var variables = sub?["Fn::Sub"] is JsonArray { Count: 2 } form ? form[1] as JsonObject : null;
        return Intrinsics.Substitute(text, variable =>
        {
            var name = variable.Split('.')[0];
            var known = variables?.ContainsKey(variable) == true || name.StartsWith("AWS::", StringComparison.Ordinal)
                || template.Parameters.ContainsKey(name) || template.Resources.ContainsKey(name);
            return known ? SampleOf(variable) : throw new KeyNotFoundException($"${{{variable}}} names nothing in the template");
        });
    }
}
