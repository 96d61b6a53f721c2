namespace Transcoder.Shared.Jobs;

/// <summary>The comma-list form of <see cref="StreamingFormats"/> (<c>hls,dash,mp4</c>), read and written in one place.</summary>
public static class StreamingFormatList
{
    private static readonly (string Name, StreamingFormats Format)[] Names =
        [("hls", StreamingFormats.Hls), ("dash", StreamingFormats.Dash), ("mp4", StreamingFormats.Mp4)];

    /// <summary>The formats in <paramref name="list"/>, adding a problem for each unknown name and for an empty list.</summary>
    public static StreamingFormats Parse(string list, ICollection<string> problems)
    {
        var before = problems.Count;
        var formats = NameList.Read(list, Names, name => $"format '{name}': use hls, dash or mp4", problems)
            .Aggregate(StreamingFormats.None, (all, format) => all | format);
        if (formats == StreamingFormats.None && problems.Count == before)
        {
            problems.Add($"formats '{list}': name at least one of hls, dash, mp4");
        }

        return formats;
    }

    /// <summary>The comma list of <paramref name="formats"/>, in a fixed order.</summary>
    public static string Format(StreamingFormats formats) => NameList.Write(Names, f => formats.HasFlag(f));
}
