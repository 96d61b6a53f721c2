namespace Transcoder.Shared.Captions;

/// <summary>A caption file that cannot be read; the message is one line naming the file and, where there is one, the line.</summary>
public sealed class CaptionFormatException(string message) : FormatException(message);
