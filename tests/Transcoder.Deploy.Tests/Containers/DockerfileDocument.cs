using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Transcoder.Deploy.Tests.Containers;

/// <summary>
/// A small Dockerfile reader, enough for this repository's two Dockerfiles: comments, line continuations, global
/// <c>ARG</c> defaults in <c>FROM</c>, stages, <c>COPY</c> in shell and JSON form, exec-form <c>ENTRYPOINT</c>.
/// </summary>
public sealed partial class DockerfileDocument
{
    private DockerfileDocument(string path, IReadOnlyList<DockerfileStage> stages)
    {
        Path = path;
        Stages = stages;
    }

    public string Path { get; }

    public IReadOnlyList<DockerfileStage> Stages { get; }

    /// <summary>The stage the image is made of: the last one.</summary>
    public DockerfileStage Final => Stages[^1];

    public static DockerfileDocument Load(string path)
    {
        var globalArgs = new Dictionary<string, string>(StringComparer.Ordinal);
        var stages = new List<DockerfileStage>();
        List<DockerfileInstruction>? current = null;
        string? baseImage = null;
        string? name = null;

        foreach (var instruction in ReadInstructions(File.ReadAllLines(path)))
        {
            if (instruction.Keyword == "FROM")
            {
                if (current is not null)
                {
                    stages.Add(new DockerfileStage(baseImage!, name, current));
                }

                var words = Words(instruction.Arguments).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
                baseImage = Substitute(words[0], globalArgs);
                name = words.Count >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                current = [];
            }
            else if (current is null)
            {
                if (instruction.Keyword == "ARG")
                {
                    var (argName, value) = SplitArg(instruction.Arguments);
                    globalArgs[argName] = value;
                }
            }
            else
            {
                current.Add(instruction);
            }
        }

        if (current is not null)
        {
            stages.Add(new DockerfileStage(baseImage!, name, current));
        }

        if (stages.Count == 0)
        {
            throw new FormatException($"{path}: no FROM");
        }

        return new DockerfileDocument(path, stages);
    }

    public static DockerfileCopy ParseCopy(DockerfileInstruction instruction)
    {
        var arguments = instruction.Arguments.Trim();
        string? from = null;
        while (arguments.StartsWith("--", StringComparison.Ordinal))
        {
            var end = arguments.IndexOfAny([' ', '\t']);
            var flag = arguments[..end];
            if (flag.StartsWith("--from=", StringComparison.Ordinal))
            {
                from = flag["--from=".Length..];
            }

            arguments = arguments[end..].TrimStart();
        }

        var paths = arguments.StartsWith('[')
            ? JsonSerializer.Deserialize<List<string>>(arguments)!
            : Words(arguments).ToList();
        if (paths.Count < 2)
        {
            throw new FormatException($"COPY needs a source and a destination: {instruction}");
        }

        return new DockerfileCopy(paths[..^1], paths[^1], from, instruction);
    }

    /// <summary>The exec-form (JSON array) <c>ENTRYPOINT</c> of the final stage; null when it has none.</summary>
    public IReadOnlyList<string>? Entrypoint()
    {
        var entrypoint = Final.All("ENTRYPOINT").LastOrDefault();
        if (entrypoint is null)
        {
            return null;
        }

        return ArgumentList(entrypoint.Arguments);
    }

    /// <summary>The paths of a stage's <c>VOLUME</c> instructions, JSON or plain form.</summary>
    public static IReadOnlyList<string> Volumes(DockerfileStage stage) =>
        [.. stage.All("VOLUME").SelectMany(volume => ArgumentList(volume.Arguments))];

    /// <summary>The variables a stage's <c>ENV</c> instructions set (<c>KEY=value ...</c> or <c>KEY value</c>; the last one wins).</summary>
    public static IReadOnlyDictionary<string, string> Environment(DockerfileStage stage)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var env in stage.All("ENV"))
        {
            var words = Words(env.Arguments).ToList();
            if (words.Count > 0 && !words[0].Contains('=', StringComparison.Ordinal))
            {
                environment[words[0]] = string.Join(' ', words.Skip(1));
                continue;
            }

            foreach (var word in words)
            {
                var (name, value) = SplitArg(word);
                environment[name] = value;
            }
        }

        return environment;
    }

    /// <summary>The <c>dotnet</c> commands of every <c>RUN</c> in a stage, with the <c>RUN</c> that holds each.</summary>
    public static IEnumerable<(DotnetCommand Command, DockerfileInstruction Run)> DotnetCommands(DockerfileStage stage) =>
        stage.All("RUN").SelectMany(run => DotnetCommand.FindIn(run.Arguments).Select(command => (command, run)));

    // Exec form (a JSON array) or shell form (words).
    private static List<string> ArgumentList(string arguments)
    {
        var text = arguments.Trim();
        return text.StartsWith('[') ? JsonSerializer.Deserialize<List<string>>(text)! : Words(text).ToList();
    }

    private static IEnumerable<DockerfileInstruction> ReadInstructions(string[] lines)
    {
        var text = new StringBuilder();
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                // Comments and blank lines are dropped, inside a continued instruction too (as Docker does).
                continue;
            }

            if (text.Length == 0)
            {
                start = i + 1;
            }

            var continued = line.EndsWith('\\');
            text.Append(continued ? line[..^1] : line).Append(' ');
            if (!continued)
            {
                yield return ToInstruction(text.ToString().Trim(), start);
                text.Clear();
            }
        }

        if (text.Length > 0)
        {
            yield return ToInstruction(text.ToString().Trim(), start);
        }
    }

    private static DockerfileInstruction ToInstruction(string text, int line)
    {
        var space = text.IndexOfAny([' ', '\t']);
        return space < 0
            ? new DockerfileInstruction(text.ToUpperInvariant(), "", line)
            : new DockerfileInstruction(text[..space].ToUpperInvariant(), text[(space + 1)..].Trim(), line);
    }

    private static (string Name, string Value) SplitArg(string arguments)
    {
        var equals = arguments.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arguments.Trim(), "") : (arguments[..equals].Trim(), arguments[(equals + 1)..].Trim().Trim('"'));
    }

    private static string Substitute(string text, Dictionary<string, string> args) =>
        VariableReference().Replace(text, match =>
        {
            var name = match.Groups["braced"].Success ? match.Groups["braced"].Value : match.Groups["plain"].Value;
            return args.TryGetValue(name, out var value) ? value : match.Value;
        });

    private static IEnumerable<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"\$\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)\}|\$(?<plain>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariableReference();
}
