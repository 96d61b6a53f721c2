using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Pipeline;

/// <summary>
/// What this run makes: the job's options, completed by the upload's own (<see cref="UploadOptions"/>) where the job
/// was given none. The message or command line wins: an operator resubmitting with other renditions means it.
/// A bad value in the upload's metadata is the upload's fault: bad input (exit 3, failure.json), before any download.
/// </summary>
internal sealed record RunRequest(Ladder Ladder, StreamingFormats Formats, string? Passthrough)
{
    public static RunRequest For(PipelineOptions options, UploadOptions upload, string source)
    {
        var problems = new List<string>();
        var ladder = options.Ladder;
        if (!options.RenditionsGiven && upload.Renditions is { } renditions)
        {
            var names = RenditionNames.Split(renditions);
            problems.AddRange(names.Select(name => RenditionNames.Problem(name, [.. ladder.Renditions.Select(r => r.Name)])).OfType<string>());
            if (problems.Count == 0 && names.Count > 0)
            {
                ladder = ladder.Select(names);
            }
        }

        var formats = options.Formats;
        if (!options.FormatsGiven && upload.Formats is { } list)
        {
            formats = StreamingFormatList.Parse(list, problems);
        }

        if (options.Codecs is { } codecs)
        {
            ladder = ladder with { Codecs = codecs };
        }
        else if (upload.Codecs is { } codecList)
        {
            ladder = ladder with { Codecs = VideoCodecList.Parse(codecList, problems) };
        }

        var passthrough = options.Passthrough;
        if (passthrough is null && upload.Passthrough is { } text)
        {
            problems.AddRange(JobSpecParser.PassthroughProblems(text));
            passthrough = text;
        }

        if (problems.Count > 0)
        {
            throw JobException.BadInput($"{source}: its upload metadata asks for what cannot be made: {string.Join("; ", problems)}");
        }

        return new RunRequest(ladder, formats, passthrough);
    }
}
