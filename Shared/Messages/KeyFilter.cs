using Transcoder.Shared.Captions;

namespace Transcoder.Shared.Messages;

/// <summary>
/// Which uploaded keys deserve a job: a key prefix and a list of suffixes, compared without regard to case.
/// A bucket notification can filter too; this one also guards a queue fed by a broader rule. A key with a caption
/// file's extension passes only when it is named by the caption rule (<see cref="CaptionFileName"/>): a stray
/// <c>notes.vtt</c> gets no job.
/// </summary>
/// <param name="Prefix">Keys must start with this (empty: any key).</param>
/// <param name="Suffixes">Keys must end with one of these (empty: any key).</param>
public sealed record KeyFilter(string Prefix, IReadOnlyList<string> Suffixes)
{
    /// <summary>File extensions of the video containers ffmpeg reads that people upload.</summary>
    public static readonly IReadOnlyList<string> VideoSuffixes =
    [
        ".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".wmv", ".flv", ".mpg", ".mpeg", ".ts", ".mts", ".m2ts",
        ".3gp", ".3g2", ".mxf", ".ogv",
    ];

    /// <summary>What an upload may be: a video, or a caption file sent beside one (attached to its outputs).</summary>
    public static readonly IReadOnlyList<string> UploadSuffixes = [.. VideoSuffixes, .. CaptionFileName.Suffixes];

    /// <summary>Video files and their caption files anywhere in the bucket.</summary>
    public static KeyFilter Uploads { get; } = new(string.Empty, UploadSuffixes);

    /// <summary>Every key.</summary>
    public static KeyFilter Everything { get; } = new(string.Empty, []);

    /// <summary>Whether <paramref name="key"/> (URL-decoded) passes the filter.</summary>
    public bool Accepts(string key) =>
        key.StartsWith(Prefix, StringComparison.Ordinal)
        && (Suffixes.Count == 0 || Suffixes.Any(suffix => key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)))
        && (!CaptionFileName.HasCaptionSuffix(key) || CaptionFileName.TryParse(key) is not null);
}
