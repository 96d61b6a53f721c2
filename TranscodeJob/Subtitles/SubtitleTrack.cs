using Transcoder.Shared.Captions;

namespace Transcoder.TranscodeJob.Subtitles;

/// <summary>A subtitle track made from the upload or a caption file: its cues on the outputs' timeline, and its facts.</summary>
/// <param name="Id">Names its files: <c>subtitles-2</c> (source stream 2), <c>cc1</c> (CEA-608), <c>caption-fr</c> (a caption file).</param>
/// <param name="Language">BCP 47, or null when unknown.</param>
/// <param name="Title">The track's own name from the source, or null (a name is made from the language then).</param>
/// <param name="Origin">One of <see cref="Shared.Outputs.SubtitleOrigins"/>.</param>
internal sealed record SubtitleTrack(
    string Id,
    string? Language,
    string? Title,
    bool Forced,
    bool HearingImpaired,
    string Origin,
    int? SourceStream,
    string? SourceFile,
    IReadOnlyList<Cue> Cues)
{
    public string FileName => Id + ".vtt";
}
