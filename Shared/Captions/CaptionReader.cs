namespace Transcoder.Shared.Captions;

/// <summary>
/// Walks the lines of a decoded caption file block by block (blocks are separated by blank lines) and turns each cue
/// block into a <see cref="Cue"/>, checking its timing and its order against the cue before.
/// </summary>
internal sealed class CaptionReader(string[] lines, string name, bool requireOrder)
{
    private readonly List<Cue> _cues = [];
    private (TimeSpan Start, int Line) _previous = (TimeSpan.MinValue, 0);
    private int _at;

    /// <summary>WebVTT: the <c>WEBVTT</c> signature, a header up to the first blank line, then NOTE, STYLE, REGION and cue blocks.</summary>
    public IReadOnlyList<Cue> WebVtt()
    {
        var signature = lines[0];
        if (!(signature == "WEBVTT" || signature.StartsWith("WEBVTT ", StringComparison.Ordinal) || signature.StartsWith("WEBVTT\t", StringComparison.Ordinal)))
        {
            throw Error(1, "a WebVTT file starts with the line WEBVTT");
        }

        SkipBlock();
        while (NextBlock() is { } block)
        {
            var first = lines[block.Start];
            if (IsKeyword(first, "NOTE") || IsKeyword(first, "STYLE") || IsKeyword(first, "REGION"))
            {
                continue;
            }

            var timing = first.Contains("-->", StringComparison.Ordinal) ? block.Start : block.Start + 1;
            ReadCue(block, timing, CaptionFormat.WebVtt, text => text);
        }

        return _cues;
    }

    /// <summary>SubRip: numbered blocks of a timing line and text; the number is optional, as players treat it.</summary>
    public IReadOnlyList<Cue> SubRip()
    {
        while (NextBlock() is { } block)
        {
            var timing = lines[block.Start].Contains("-->", StringComparison.Ordinal) ? block.Start : block.Start + 1;
            ReadCue(block, timing, CaptionFormat.SubRip, SubRipText.ToWebVtt);
        }

        return _cues;
    }

    private void ReadCue((int Start, int End) block, int timing, CaptionFormat format, Func<string, string> toWebVtt)
    {
        if (timing >= block.End || !lines[timing].Contains("-->", StringComparison.Ordinal))
        {
            throw Error(block.Start + 1, $"'{Clip(lines[block.Start])}' starts a block with no cue timing (hh:mm:ss{(format == CaptionFormat.SubRip ? ',' : '.')}ttt --> hh:mm:ss…)");
        }

        var match = CaptionParser.TimingLine().Match(lines[timing].Trim());
        if (!match.Success
            || !CaptionParser.TryParseTime(match.Groups["start"].Value, format, out var start)
            || !CaptionParser.TryParseTime(match.Groups["end"].Value, format, out var end))
        {
            var example = format == CaptionFormat.SubRip ? "00:01:02,500 --> 00:01:04,000" : "00:01:02.500 --> 00:01:04.000";
            throw Error(timing + 1, $"'{Clip(lines[timing])}' is not a cue timing such as {example}");
        }

        CheckTiming(timing + 1, start, end);
        var text = new List<string>();
        for (var line = timing + 1; line < block.End; line++)
        {
            if (lines[line].Contains("-->", StringComparison.Ordinal))
            {
                throw Error(line + 1, "a second timing line in one cue (is a blank line missing before it?)");
            }

            // A line that was only markup (an ASS override) would become a blank line, which ends a cue in WebVTT.
            if (toWebVtt(lines[line]) is { } converted && converted.Trim().Length > 0)
            {
                text.Add(converted);
            }
        }

        if (_cues.Count == CaptionParser.MaxCues)
        {
            throw Error(timing + 1, $"more than {CaptionParser.MaxCues} cues");
        }

        var settings = format == CaptionFormat.WebVtt ? match.Groups["settings"].Value.Trim() : "";
        _cues.Add(new Cue(start, end, settings, string.Join('\n', text)));
    }

    private void CheckTiming(int line, TimeSpan start, TimeSpan end)
    {
        if (end <= start)
        {
            throw Error(line, $"the cue ends at {Format(end)}, not after it starts at {Format(start)}");
        }

        if (requireOrder && start < _previous.Start)
        {
            throw Error(line, $"the cue starts at {Format(start)}, before the cue on line {_previous.Line} ({Format(_previous.Start)}): cues out of order");
        }

        _previous = (start, line);
    }

    // The next run of non-blank lines, as [Start, End) line indexes; null at the end of the file.
    private (int Start, int End)? NextBlock()
    {
        while (_at < lines.Length && IsBlank(lines[_at]))
        {
            _at++;
        }

        if (_at >= lines.Length)
        {
            return null;
        }

        var start = _at;
        SkipBlock();
        return (start, _at);
    }

    private void SkipBlock()
    {
        while (_at < lines.Length && !IsBlank(lines[_at]))
        {
            _at++;
        }
    }

    private static bool IsBlank(string line) => line.Trim().Length == 0;

    private static bool IsKeyword(string line, string keyword) =>
        line == keyword || line.StartsWith(keyword + " ", StringComparison.Ordinal) || line.StartsWith(keyword + "\t", StringComparison.Ordinal);

    private static string Format(TimeSpan time) => WebVttWriter.Timestamp(time);

    private static string Clip(string line) => line.Length <= 40 ? line : line[..40] + "…";

    private CaptionFormatException Error(int line, string what) => new($"{name} line {line}: {what}");
}
