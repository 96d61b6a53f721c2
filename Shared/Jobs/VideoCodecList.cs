namespace Transcoder.Shared.Jobs;

/// <summary>The comma-list form of <see cref="VideoCodecs"/> (<c>h264,av1</c>), read and written in one place.</summary>
public static class VideoCodecList
{
    private static readonly (string Name, VideoCodecs Codec)[] Names = [("h264", VideoCodecs.H264), ("av1", VideoCodecs.Av1)];

    /// <summary>The codecs in <paramref name="list"/>, adding a problem for each unknown name and for a list without h264.</summary>
    public static VideoCodecs Parse(string list, ICollection<string> problems)
    {
        var before = problems.Count;
        var codecs = NameList.Read(list, Names, name => $"codec '{name}': use h264 or av1", problems)
            .Aggregate(VideoCodecs.None, (all, codec) => all | codec);
        if (!codecs.HasFlag(VideoCodecs.H264) && problems.Count == before)
        {
            problems.Add($"codecs '{list}': h264 is always made (every player decodes it, and the progressive MP4s are H.264): use h264 or h264,av1");
        }

        return codecs;
    }

    /// <summary>The comma list of <paramref name="codecs"/>, in a fixed order.</summary>
    public static string Format(VideoCodecs codecs) => NameList.Write(Names, c => codecs.HasFlag(c));

    /// <summary>The name of one codec (<c>h264</c>, <c>av1</c>), as the lists and the manifest write it.</summary>
    public static string NameOf(VideoCodecs codec) => Names.Single(n => n.Codec == codec).Name;
}
