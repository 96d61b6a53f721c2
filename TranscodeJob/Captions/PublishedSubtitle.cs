using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Subtitles;

namespace Transcoder.TranscodeJob.Captions;

/// <summary>A subtitle track already in an output folder: its manifest entry and the size of its WebVTT file.</summary>
internal sealed record PublishedSubtitle(ManifestSubtitle Entry, long Bytes)
{
    public string Id => Path.GetFileNameWithoutExtension(Entry.File);

    public SubtitleRendition Rendition =>
        new(Id, Entry.Language, Entry.Name, Entry.Forced, Entry.HearingImpaired, Entry.IsDefault, Bytes);
}
