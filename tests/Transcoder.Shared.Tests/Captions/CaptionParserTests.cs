using System.Text;
using Transcoder.Shared.Captions;

namespace Transcoder.Shared.Tests.Captions;

public sealed class CaptionParserTests
{
    private static IReadOnlyList<Cue> Parse(string text, CaptionFormat format) =>
        CaptionParser.Parse(Encoding.UTF8.GetBytes(text), format, format == CaptionFormat.SubRip ? "clip.fr.srt" : "clip.fr.vtt");

    private static string ErrorOf(string text, CaptionFormat format) =>
        Assert.Throws<CaptionFormatException>(() => Parse(text, format))!.Message;

    [Test]
    public void Parse_SubRip_CuesWithTextInWebVttMarkup()
    {
        // Arrange: CRLF, a BOM, a <font> tag, an ASS override line, an ampersand, an unnumbered cue.
        const string srt = "\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\n<font color=\"red\"><i>Bonjour</i></font> & 1 < 2 > 0<br>\r\n\r\n"
                           + "2\r\n00:00:03,000 --> 00:00:04,000\r\n{\\an8}\r\nEn haut\r\n\r\n00:00:05.000 --> 00:00:06,000\r\nSans numéro\r\n";

        // Act
        var cues = Parse(srt, CaptionFormat.SubRip);

        // Assert
        Assert.That(cues, Is.EqualTo(new[]
        {
            new Cue(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2.5), "", "<i>Bonjour</i> &amp; 1 &lt; 2 &gt; 0"),
            new Cue(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4), "", "En haut"),
            new Cue(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6), "", "Sans numéro"),
        }));
    }

    [Test]
    public void Parse_WebVtt_CuesSettingsAndIdsNotesAndStylesSkipped()
    {
        // Arrange
        const string vtt = "WEBVTT - a title\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n\nSTYLE\n::cue { color: red }\n\nNOTE a comment\n\n"
                           + "intro\n00:01.000 --> 00:02.000 line:0 align:start\n<v Anna>Hello</v>\nsecond line\n\n01:00:00.000 --> 01:00:01.500\nLater\n";

        // Act
        var cues = Parse(vtt, CaptionFormat.WebVtt);

        // Assert
        Assert.That(cues, Is.EqualTo(new[]
        {
            new Cue(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), "line:0 align:start", "<v Anna>Hello</v>\nsecond line"),
            new Cue(TimeSpan.FromHours(1), TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1.5), "", "Later"),
        }));
    }

    [Test]
    public void Parse_NotUtf8_LineOfTheFirstBadByte()
    {
        // Arrange: Latin-1 "é" on line 3.
        var bytes = Encoding.Latin1.GetBytes("1\n00:00:01,000 --> 00:00:02,000\nCafé\n");

        // Act
        var error = Assert.Throws<CaptionFormatException>(() => CaptionParser.Parse(bytes, CaptionFormat.SubRip, "clip.fr.srt"))!.Message;

        // Assert
        Assert.That(error, Is.EqualTo("clip.fr.srt line 3: not UTF-8 text (byte 0xE9); save the file as UTF-8"));
    }

    [TestCase("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:01;500 --> 00:00:03,000\nB\n",
        "clip.fr.srt line 6: '00:00:01;500 --> 00:00:03,000' is not a cue timing such as 00:01:02,500 --> 00:01:04,000")]
    [TestCase("1\n00:00:01,000 --> 00:00:62,000\nA\n",
        "clip.fr.srt line 2: '00:00:01,000 --> 00:00:62,000' is not a cue timing such as 00:01:02,500 --> 00:01:04,000")]
    [TestCase("1\n00:00:05,000 --> 00:00:06,000\nA\n\n2\n00:00:02,000 --> 00:00:03,000\nB\n",
        "clip.fr.srt line 6: the cue starts at 00:00:02.000, before the cue on line 2 (00:00:05.000): cues out of order")]
    [TestCase("1\n00:00:05,000 --> 00:00:04,000\nA\n",
        "clip.fr.srt line 2: the cue ends at 00:00:04.000, not after it starts at 00:00:05.000")]
    [TestCase("1\nHello\n", "clip.fr.srt line 1: '1' starts a block with no cue timing (hh:mm:ss,ttt --> hh:mm:ss…)")]
    [TestCase("1\n00:00:01,000 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000\nB\n",
        "clip.fr.srt line 5: a second timing line in one cue (is a blank line missing before it?)")]
    public void Parse_BrokenSubRip_OneLineNamingTheLine(string srt, string expected)
    {
        // Act / Assert
        Assert.That(ErrorOf(srt, CaptionFormat.SubRip), Is.EqualTo(expected));
    }

    [TestCase("1\n00:00:01,000 --> 00:00:02,000\nA\n", "clip.fr.vtt line 1: a WebVTT file starts with the line WEBVTT")]
    [TestCase("WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nA\n",
        "clip.fr.vtt line 3: '00:00:01,000 --> 00:00:02,000' is not a cue timing such as 00:01:02.500 --> 00:01:04.000")]
    public void Parse_BrokenWebVtt_OneLineNamingTheLine(string vtt, string expected)
    {
        // Act / Assert
        Assert.That(ErrorOf(vtt, CaptionFormat.WebVtt), Is.EqualTo(expected));
    }

    [Test]
    public void Parse_TooLargeOrBinary_Refused()
    {
        // Act
        var large = Assert.Throws<CaptionFormatException>(() => CaptionParser.Parse(new byte[CaptionParser.MaxBytes + 1], CaptionFormat.WebVtt, "big.en.vtt"))!;
        var binary = Assert.Throws<CaptionFormatException>(() => CaptionParser.Parse("WEBVTT\n\0\0"u8, CaptionFormat.WebVtt, "bin.en.vtt"))!;

        // Assert
        Assert.That(large.Message, Does.StartWith("big.en.vtt is 4194305 bytes, over the 4 MiB"));
        Assert.That(binary.Message, Is.EqualTo("bin.en.vtt line 2: a NUL character: not a text file"));
    }

    [Test]
    public void WebVttWriter_Cues_ReadBackAsWritten()
    {
        // Arrange
        Cue[] cues =
        [
            new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), "line:90%", "<i>A</i> &amp; B\ntwo"),
            new(TimeSpan.FromHours(101), TimeSpan.FromHours(101) + TimeSpan.FromSeconds(1), "", "long"),
        ];

        // Act
        var text = WebVttWriter.Write(cues, "X-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000");

        // Assert
        Assert.That(text, Does.StartWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n\n00:00:00.100 --> 00:00:01.000 line:90%\n<i>A</i> &amp; B\ntwo\n\n101:00:00.000"));
        Assert.That(Parse(text, CaptionFormat.WebVtt), Is.EqualTo(cues));
    }
}
