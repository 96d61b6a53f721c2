namespace Transcoder.Deploy.Tests.Containers;

/// <summary>
/// A <c>dotnet</c> command line found in a Dockerfile's <c>RUN</c> or in <c>.ci/publish</c>: the verb
/// (<c>restore</c>, <c>publish</c>), the project argument, and every word after <c>dotnet</c>.
/// </summary>
public sealed record DotnetCommand(IReadOnlyList<string> Words)
{
    public string Verb => Words[0];

    public string? Project => Words.Skip(1).FirstOrDefault(w => !w.StartsWith('-'));

    /// <summary>The value of <c>-o</c>/<c>--output</c>, if any.</summary>
    public string? Output
    {
        get
        {
            var index = Words.ToList().FindIndex(w => w is "-o" or "--output");
            return index >= 0 && index + 1 < Words.Count ? Words[index + 1] : null;
        }
    }

    /// <summary>The words without the output folder, which differs between an image and CI by design.</summary>
    public string WithoutOutput()
    {
        var words = new List<string>();
        for (var i = 0; i < Words.Count; i++)
        {
            if (Words[i] is "-o" or "--output")
            {
                i++;
                continue;
            }

            words.Add(Words[i]);
        }

        return "dotnet " + string.Join(' ', words);
    }

    /// <summary>The <c>dotnet</c> commands in one shell command line (split at <c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, <c>|</c>).</summary>
    public static IEnumerable<DotnetCommand> FindIn(string shell)
    {
        foreach (var part in shell.Split(["&&", "||", ";", "|"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var words = part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.Trim('"', '\''))
                .ToList();
            if (words.Count > 1 && words[0] == "dotnet")
            {
                yield return new DotnetCommand(words.Skip(1).ToList());
            }
        }
    }

    public override string ToString() => "dotnet " + string.Join(' ', Words);
}
