namespace Transcoder.TranscodeJob.Encoding;

/// <summary>The storyboard as made: its plan, with the number of thumbnails the rendition gave, and its sheets in order.</summary>
internal sealed record MadeStoryboard(StoryboardPlan Plan, IReadOnlyList<string> Sheets);
