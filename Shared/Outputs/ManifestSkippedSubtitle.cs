namespace Transcoder.Shared.Outputs;

/// <summary>A subtitle stream or caption file that was not delivered, and why; it never fails the job.</summary>
/// <param name="Origin">One of <see cref="SubtitleOrigins"/>.</param>
/// <param name="SourceStream">The source stream's index; null for a caption file.</param>
/// <param name="SourceFile">The caption file's name; null for a stream.</param>
/// <param name="Codec">The stream's codec as ffprobe names it (<c>hdmv_pgs_subtitle</c>); null for a caption file.</param>
/// <param name="Language">Its language (BCP 47), when known.</param>
/// <param name="Reason">One line: why it was not delivered (<c>bitmap subtitles need OCR to become text</c>, a caption file's first error).</param>
public sealed record ManifestSkippedSubtitle(string Origin, int? SourceStream, string? SourceFile, string? Codec, string? Language, string Reason);
