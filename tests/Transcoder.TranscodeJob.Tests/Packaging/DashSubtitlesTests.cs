using System.Xml.Linq;
using Transcoder.TranscodeJob.Packaging;

namespace Transcoder.TranscodeJob.Tests.Packaging;

public sealed class DashSubtitlesTests
{
    private static readonly XNamespace Dash = "urn:mpeg:dash:schema:mpd:2011";

    private const string Mpd =
        """<?xml version="1.0" encoding="utf-8"?><MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static"><Period id="0" start="PT0S">"""
        + """<AdaptationSet id="0" contentType="video" mimeType="video/mp4"><Representation id="360p" bandwidth="1" /></AdaptationSet>"""
        + """<AdaptationSet id="1" contentType="audio" mimeType="audio/mp4"><Representation id="audio" bandwidth="1" /></AdaptationSet>"""
        + "</Period></MPD>";

    [Test]
    public void Mpd_Tracks_OneTextAdaptationSetEachAfterTheMedia()
    {
        // Act
        var mpd = XDocument.Parse(DashSubtitles.Mpd(Mpd, [new("subtitles-2", "fr", "French", false, false, false, 1000), new("cc1", null, "Closed captions", false, true, false, 250)], 10));

        // Assert
        var sets = mpd.Descendants(Dash + "AdaptationSet").ToList();
        Assert.That(sets.Select(s => ((string?)s.Attribute("id"), (string?)s.Attribute("contentType"))), Is.EqualTo(new[]
        {
            ("0", "video"), ("1", "audio"), ("2", "text"), ("3", "text"),
        }));
        var french = sets[2];
        Assert.That(((string?)french.Attribute("mimeType"), (string?)french.Attribute("lang")), Is.EqualTo(("text/vtt", "fr")));
        Assert.That(french.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "Label", "Role", "Representation" }), "the schema's order");
        Assert.That((string?)french.Element(Dash + "Label"), Is.EqualTo("French"));
        Assert.That((string?)french.Element(Dash + "Role")!.Attribute("value"), Is.EqualTo("subtitle"));
        Assert.That((string?)sets[3].Element(Dash + "Role")!.Attribute("value"), Is.EqualTo("caption"));
        Assert.That(sets[3].Attribute("lang"), Is.Null);
        var representation = french.Element(Dash + "Representation")!;
        Assert.That(((string?)representation.Attribute("id"), (string?)representation.Attribute("bandwidth"), (string?)representation.Element(Dash + "BaseURL")),
            Is.EqualTo(("subtitles-2", "800", "subtitles-2.vtt")));
    }

    [Test]
    public void Mpd_RewrittenWithAnotherSet_ReplacesTheTextSets()
    {
        // Arrange
        var once = DashSubtitles.Mpd(Mpd, [new("subtitles-2", "fr", "French", false, false, false, 1000)], 10);

        // Act
        var again = DashSubtitles.Mpd(once, [new("caption-de-forced", "de", "German (forced)", true, false, true, 10)], 10);

        // Assert
        var texts = XDocument.Parse(again).Descendants(Dash + "AdaptationSet").Where(s => (string?)s.Attribute("contentType") == "text").ToList();
        Assert.That(texts.Select(s => ((string?)s.Attribute("id"), (string?)s.Attribute("lang"), (string?)s.Element(Dash + "Role")!.Attribute("value"))),
            Is.EqualTo(new[] { ((string?)"2", (string?)"de", (string?)"forced-subtitle") }));
        Assert.That(again, Does.StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
    }
}
