using System.Text.Json;
using System.Text.Json.Serialization;
using Transcoder.Testing;

namespace Transcoder.Shared.Tests.Outputs;

/// <summary>
/// Holds a committed JSON Schema to the type it describes, as the type's serializer writes it: the same property
/// names at every level, the same JSON types, null allowed exactly where the property is nullable, required exactly
/// where the record's constructor takes the value without a default (a later, optional field is not required), and no
/// property the type does not write.
/// </summary>
internal static class SchemaShape
{
    public static IReadOnlyList<string> Problems(JsonSerializerContext context, Type type, string schemaFile)
    {
        var problems = new List<string>();
        CompareObject(context, type, new Node(Load(schemaFile), schemaFile), "$", problems);
        return problems;
    }

    private static void CompareObject(JsonSerializerContext context, Type type, Node schema, string path, List<string> problems)
    {
        var info = context.GetTypeInfo(type) ?? throw new InvalidOperationException($"{type.Name} is not in {context.GetType().Name}");
        if (!schema.Element.TryGetProperty("additionalProperties", out var extra) || extra.ValueKind != JsonValueKind.False)
        {
            problems.Add($"{path}: additionalProperties is not false");
        }

        var declared = schema.Element.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var required = schema.Element.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
        foreach (var property in info.Properties)
        {
            var at = $"{path}.{property.Name}";
            if (!declared.Remove(property.Name, out var propertySchema))
            {
                problems.Add($"{at}: {type.Name} writes it, the schema does not describe it");
                continue;
            }

            var mustBeRequired = property.AssociatedParameter is { HasDefaultValue: false, IsMemberInitializer: false };
            if (required.Contains(property.Name) != mustBeRequired)
            {
                problems.Add($"{at}: required should be {mustBeRequired}");
            }

            CompareValue(context, property.PropertyType, property.IsGetNullable, new Node(propertySchema, schema.File), at, problems);
        }

        problems.AddRange(declared.Keys.Select(name => $"{path}.{name}: in the schema, not written by {type.Name}"));
        problems.AddRange(required.Where(name => info.Properties.All(p => p.Name != name)).Select(name => $"{path}: requires {name}, which {type.Name} lacks"));
    }

    private static void CompareValue(JsonSerializerContext context, Type clrType, bool nullable, Node schema, string path, List<string> problems)
    {
        var (kind, allowsNull, target) = Describe(schema);
        if (allowsNull != nullable)
        {
            problems.Add($"{path}: the schema {(allowsNull ? "allows" : "refuses")} null, the property is {(nullable ? "" : "not ")}nullable");
        }

        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        var expected = KindOf(type);
        if (kind != expected)
        {
            problems.Add($"{path}: the schema says {kind}, {type.Name} is written as {expected}");
            return;
        }

        if (expected == "array")
        {
            var items = new Node(target.Element.GetProperty("items"), target.File);
            CompareValue(context, type.GetGenericArguments()[0], nullable: false, items, path + "[]", problems);
        }
        else if (expected == "object")
        {
            CompareObject(context, type, target, path, problems);
        }
    }

    // The JSON type a schema allows besides null, whether it allows null, and the schema that describes the value.
    private static (string Kind, bool AllowsNull, Node Target) Describe(Node schema)
    {
        var element = schema.Element;
        if (element.TryGetProperty("anyOf", out var anyOf))
        {
            var branches = anyOf.EnumerateArray().Select(b => Describe(new Node(b, schema.File))).ToList();
            var value = branches.Single(b => b.Kind != "null");
            return (value.Kind, branches.Any(b => b.Kind == "null"), value.Target);
        }

        if (element.TryGetProperty("$ref", out var reference))
        {
            return Describe(Resolve(reference.GetString()!, schema.File));
        }

        if (element.TryGetProperty("const", out var constant))
        {
            return (constant.ValueKind == JsonValueKind.Number ? "integer" : "string", false, schema);
        }

        if (element.TryGetProperty("enum", out _))
        {
            return ("string", false, schema);
        }

        var types = element.GetProperty("type") is { ValueKind: JsonValueKind.Array } many
            ? many.EnumerateArray().Select(t => t.GetString()!).ToList()
            : [element.GetProperty("type").GetString()!];
        return (types.SingleOrDefault(t => t != "null") ?? "null", types.Contains("null"), schema);
    }

    private static string KindOf(Type type) => type switch
    {
        _ when type == typeof(string) || type == typeof(DateTimeOffset) => "string",
        _ when type == typeof(int) || type == typeof(long) => "integer",
        _ when type == typeof(double) => "number",
        _ when type == typeof(bool) => "boolean",
        { IsGenericType: true } when type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => "array",
        _ => "object",
    };

    // "#/$defs/x" in the same file, or "other.schema.json#/$defs/x" beside it.
    private static Node Resolve(string reference, string file)
    {
        var (target, pointer) = reference.Split('#') is [var name, var rest] ? (name.Length == 0 ? file : name, rest) : (reference, "");
        var element = Load(target);
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            element = element.GetProperty(segment);
        }

        return new Node(element, target);
    }

    private static JsonElement Load(string schemaFile) => JsonDocument.Parse(File.ReadAllText(OutputSchemas.PathOf(schemaFile))).RootElement;

    private sealed record Node(JsonElement Element, string File);
}
