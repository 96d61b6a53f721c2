using Transcoder.Shared;
using Transcoder.Shared.Jobs;

namespace Transcoder.Client.Uploading;

/// <summary>
/// The job options an upload asks for, as the command line gave them: checked here with the job's own rules (the
/// job refuses a bad value with <c>failure.json</c>, after the whole upload), then sent as S3 user metadata.
/// </summary>
internal sealed record UploadJobOptions(string? Renditions, string? Formats, string? Passthrough)
{
    public static UploadJobOptions None { get; } = new(null, null, null);

    /// <summary>The video codecs (<c>h264,av1</c>), as the command line gave them.</summary>
    public string? Codecs { get; init; }

    /// <summary>Every problem, none when the options can be sent.</summary>
    /// <param name="ladderNames">A custom ladder's rendition names (the dispatcher's RENDITION_NAMES).</param>
    public IReadOnlyList<string> Problems(IReadOnlyCollection<string> ladderNames)
    {
        var problems = new List<string>();
        if (Renditions is not null)
        {
            var names = RenditionNames.Split(Renditions);
            if (names.Count == 0)
            {
                problems.Add($"--renditions '{Renditions}': name at least one rendition, like 720p");
            }

            problems.AddRange(names.Select(name => RenditionNames.Problem(name, ladderNames)).OfType<string>().Select(p => $"--renditions: {p}"));
        }

        if (Formats is not null)
        {
            var formatProblems = new List<string>();
            StreamingFormatList.Parse(Formats, formatProblems);
            problems.AddRange(formatProblems.Select(p => $"--formats: {p}"));
        }

        if (Codecs is not null)
        {
            var codecProblems = new List<string>();
            VideoCodecList.Parse(Codecs, codecProblems);
            problems.AddRange(codecProblems.Select(p => $"--codecs: {p}"));
        }

        if (Passthrough is not null)
        {
            problems.AddRange(PassthroughText.Problems(Passthrough));
        }

        return problems;
    }

    /// <summary>The user metadata to send (names without the x-amz-meta- prefix), lists in their canonical form.</summary>
    public IReadOnlyDictionary<string, string> ToMetadata()
    {
        var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Renditions is not null)
        {
            metadata[UploadMetadata.Renditions] = string.Join(',', RenditionNames.Split(Renditions));
        }

        if (Formats is not null)
        {
            metadata[UploadMetadata.Formats] = StreamingFormatList.Format(StreamingFormatList.Parse(Formats, new List<string>()));
        }

        if (Codecs is not null)
        {
            metadata[UploadMetadata.Codecs] = VideoCodecList.Format(VideoCodecList.Parse(Codecs, new List<string>()));
        }

        if (Passthrough is not null)
        {
            metadata[UploadMetadata.Passthrough] = Passthrough;
        }

        return metadata;
    }
}
