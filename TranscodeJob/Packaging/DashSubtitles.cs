using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Transcoder.TranscodeJob.Subtitles;

namespace Transcoder.TranscodeJob.Packaging;

/// <summary>
/// Subtitles in DASH: one text AdaptationSet per track (ISO/IEC 23009-1, 5.3.3), its one Representation the whole
/// WebVTT file as BaseURL (<c>mimeType="text/vtt"</c>, the form dash.js and Shaka play as a side-loaded text track),
/// with <c>@lang</c>, a Label (the name players show) and a Role of the DASH role scheme: <c>subtitle</c>,
/// <c>caption</c> for the deaf and hard of hearing, <c>forced-subtitle</c> for forced subtitles. The MPD is rewritten
/// rather than written, as the HLS master is, so a caption attached later changes only the text sets.
/// </summary>
internal static class DashSubtitles
{
    private static readonly XNamespace Dash = "urn:mpeg:dash:schema:mpd:2011";

    public static string Mpd(string mpd, IReadOnlyList<SubtitleRendition> tracks, double seconds)
    {
        var document = XDocument.Parse(mpd);
        var period = document.Root?.Element(Dash + "Period") ?? throw new InvalidDataException("the MPD has no Period");
        period.Elements(Dash + "AdaptationSet").Where(IsText).Remove();
        var nextId = period.Elements(Dash + "AdaptationSet")
            .Select(set => int.TryParse((string?)set.Attribute("id"), CultureInfo.InvariantCulture, out var id) ? id : -1)
            .DefaultIfEmpty(-1).Max() + 1;
        foreach (var track in tracks)
        {
            period.Add(AdaptationSet(track, nextId++, seconds));
        }

        // As DashManifest writes it: UTF-8 without a BOM, declared, indented.
        using var bytes = new MemoryStream();
        using (var xml = XmlWriter.Create(bytes, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            document.Save(xml);
        }

        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsText(XElement set) => (string?)set.Attribute("contentType") == "text";

    private static XElement AdaptationSet(SubtitleRendition track, int id, double seconds)
    {
        var set = new XElement(Dash + "AdaptationSet",
            new XAttribute("id", id),
            new XAttribute("contentType", "text"),
            new XAttribute("mimeType", "text/vtt"));
        if (track.Language is { } language)
        {
            set.Add(new XAttribute("lang", language));
        }

        // The schema's order: Label (a RepresentationBase element), then Role, then the Representation.
        set.Add(
            new XElement(Dash + "Label", track.Name),
            new XElement(Dash + "Role",
                new XAttribute("schemeIdUri", "urn:mpeg:dash:role:2011"),
                new XAttribute("value", track.Forced ? "forced-subtitle" : track.HearingImpaired ? "caption" : "subtitle")),
            new XElement(Dash + "Representation",
                new XAttribute("id", track.Id),
                new XAttribute("bandwidth", HlsSubtitles.BitRate([track], seconds)),
                new XElement(Dash + "BaseURL", track.FileName)));
        return set;
    }
}
