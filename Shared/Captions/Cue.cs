namespace Transcoder.Shared.Captions;

/// <summary>One caption or subtitle cue: when it shows, where (WebVTT cue settings), and its text in WebVTT markup.</summary>
/// <param name="Settings">WebVTT cue settings (<c>line:0 align:start</c>), empty for none.</param>
/// <param name="Text">The cue's lines joined by <c>\n</c>, in WebVTT cue-text markup (<c>&lt;i&gt;</c>, <c>&amp;amp;</c>).</param>
public sealed record Cue(TimeSpan Start, TimeSpan End, string Settings, string Text);
