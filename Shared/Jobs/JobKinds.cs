using Transcoder.Shared.Captions;

namespace Transcoder.Shared.Jobs;

/// <summary>The names of <see cref="JobKind"/> in the job's environment (<see cref="JobEnvironment.JobKind"/>), and the kind a source asks for.</summary>
public static class JobKinds
{
    /// <summary><see cref="JobKind.Transcode"/>'s name.</summary>
    public const string Transcode = "transcode";

    /// <summary><see cref="JobKind.AttachCaption"/>'s name.</summary>
    public const string AttachCaption = "caption";

    /// <summary>The name of <paramref name="kind"/>.</summary>
    public static string NameOf(JobKind kind) => kind == JobKind.AttachCaption ? AttachCaption : Transcode;

    /// <summary>The kind named <paramref name="name"/> (any letter case); null for an unknown name.</summary>
    public static JobKind? Parse(string name) => name.ToLowerInvariant() switch
    {
        Transcode => JobKind.Transcode,
        AttachCaption => JobKind.AttachCaption,
        _ => null,
    };

    /// <summary>
    /// The kind of job an upload at <paramref name="keyOrPath"/> gets: a caption file named by the rule
    /// (<see cref="CaptionFileName"/>) is attached to its video, anything else transcoded.
    /// </summary>
    public static JobKind For(string keyOrPath) => CaptionFileName.TryParse(keyOrPath) is null ? JobKind.Transcode : JobKind.AttachCaption;
}
