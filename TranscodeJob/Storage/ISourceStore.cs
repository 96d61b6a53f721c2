using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Storage;

/// <summary>Reads the source video: a local file or an S3 object.</summary>
internal interface ISourceStore
{
    /// <summary>Where the source is: names the output folder and, with the revision, the job.</summary>
    InputLocation Location { get; }

    /// <summary>Whether <see cref="MaterializeAsync"/> copies the source into the workspace (and needs the disk space).</summary>
    bool CopiesToWorkspace { get; }

    /// <summary>Looks the source up without reading it. Missing or empty → bad input.</summary>
    Task<SourceObject> DescribeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A local path ffmpeg can read: the file itself, or a download into the workspace under a name the job
    /// chose (never the key: keys may hold <c>../</c>, a leading '-', or look like <c>concat:</c> to ffmpeg).
    /// </summary>
    Task<string> MaterializeAsync(SourceObject source, JobWorkspace workspace, CancellationToken cancellationToken);

    /// <summary>
    /// The caption files uploaded beside the source and named for it (<c>clip.mp4</c>: <c>clip.fr.srt</c>, see
    /// <see cref="Shared.Captions.CaptionFileName"/>), in name order, at most <paramref name="limit"/>; each read whole
    /// unless it is larger than <paramref name="maxBytes"/>.
    /// </summary>
    Task<IReadOnlyList<CaptionFile>> ReadCaptionFilesAsync(int limit, long maxBytes, CancellationToken cancellationToken);
}
