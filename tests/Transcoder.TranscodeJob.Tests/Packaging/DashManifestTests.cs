using System.Xml.Linq;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Packaging;

public sealed class DashManifestTests
{
    private static readonly XNamespace Mpd = "urn:mpeg:dash:schema:mpd:2011";

    private static readonly IndexedTrack Video = new(
        new CmafTrack("720p", "720p.cmfv", "/ws/720p.cmfv", TrackKind.Video, 1280, 720, new Rational(25, 1), null),
        new FragmentedMp4(800, 1000, "avc1.64001f", [new(800, 500_000, 0, 2000, 60_000), new(500_800, 250_000, 2000, 2000, 40_000)]));

    private static IndexedTrack Audio(string name, AudioFacts facts) => new(
        new CmafTrack(name, name + ".cmfa", "/ws/" + name + ".cmfa", TrackKind.Audio, 0, 0, null, facts),
        new FragmentedMp4(700, 48000, "mp4a.40.2", [new(700, 20_000, 0, 96000, 500), new(20_700, 20_000, 96000, 96000, 500)]));

    private static readonly IndexedTrack English = Audio("audio-en-1", new AudioFacts("en", "English", AudioRole.Main, true, 2));
    private static readonly IndexedTrack French = Audio("audio-fr-2", new AudioFacts("fr", "French", AudioRole.Alternate, false, 2));
    private static readonly IndexedTrack Described = Audio("audio-en-3", new AudioFacts("en", "English (audio description)", AudioRole.Description, false, 1));

    private static List<XElement> AudioSets(string mpd) =>
        [.. XDocument.Parse(mpd).Descendants(Mpd + "AdaptationSet").Where(s => (string?)s.Attribute("contentType") == "audio")];

    [Test]
    public void Write_ThreeAudioTracks_OneAdaptationSetEachWithLanguageLabelAndRole()
    {
        // Act
        var sets = AudioSets(DashManifest.Write([Video], [English, French, Described]));

        // Assert
        Assert.That(sets.Select(s => ((string?)s.Attribute("id"), (string?)s.Attribute("lang"), s.Element(Mpd + "Label")?.Value)), Is.EqualTo(new[]
        {
            ("1", "en", "English"), ("2", "fr", "French"), ("3", "en", "English (audio description)"),
        }));
        Assert.That(sets.Select(s => (string?)s.Element(Mpd + "Role")?.Attribute("value")), Is.EqualTo(new[] { "main", "alternate", "description" }));
        Assert.That(sets.Select(s => s.Element(Mpd + "Role")?.Attribute("schemeIdUri")?.Value).Distinct(), Is.EqualTo(new[] { "urn:mpeg:dash:role:2011" }));
        Assert.That(sets.Select(s => (string?)s.Attribute("selectionPriority")), Is.EqualTo(new[] { "2", null, null }), "the default track first");
        var accessibility = sets[2].Element(Mpd + "Accessibility");
        Assert.That((accessibility?.Attribute("schemeIdUri")?.Value, accessibility?.Attribute("value")?.Value), Is.EqualTo(("urn:tva:metadata:cs:AudioPurposeCS:2007", "1")));
        Assert.That(sets.Take(2).Select(s => s.Element(Mpd + "Accessibility")), Is.All.Null);
        Assert.That(sets.Select(s => s.Descendants(Mpd + "AudioChannelConfiguration").Single().Attribute("value")!.Value), Is.EqualTo(new[] { "2", "2", "1" }));
    }

    [Test]
    public void Write_AudioOnly_NoVideoSetDurationFromTheAudio()
    {
        // Act
        var document = XDocument.Parse(DashManifest.Write([], [English]));

        // Assert
        Assert.That(document.Descendants(Mpd + "AdaptationSet").Select(s => (string?)s.Attribute("contentType")), Is.EqualTo(new[] { "audio" }));
        Assert.That(document.Root!.Attribute("mediaPresentationDuration")!.Value, Is.EqualTo("PT4S"));
    }

    private static IndexedTrack VideoOf(string name, string codec, int width, int height) => new(
        new CmafTrack(name, name + ".cmfv", "/ws/" + name + ".cmfv", TrackKind.Video, width, height, new Rational(30, 1), null),
        new FragmentedMp4(800, 15360, codec, [new(800, 500_000, 0, 30720, 60_000), new(500_800, 250_000, 30720, 30720, 40_000)]));

    private static List<(string Id, string? Priority, string[] Representations)> Sets(string mpd) =>
    [
        .. XDocument.Parse(mpd).Descendants(Mpd + "AdaptationSet").Select(set => (
            (string)set.Attribute("id")!,
            (string?)set.Attribute("selectionPriority"),
            set.Elements(Mpd + "Representation").Select(r => $"{r.Attribute("id")!.Value} {r.Attribute("codecs")!.Value}").ToArray())),
    ];

    [Test]
    public void Write_H264AndAv1_OneVideoAdaptationSetPerCodecAv1Preferred()
    {
        // Act
        var mpd = DashManifest.Write(
            [VideoOf("720p", "avc1.64001f", 1280, 720), VideoOf("720p-av1", "av01.0.05M.08", 1280, 720), VideoOf("360p", "avc1.64001e", 640, 360)], [English]);

        // Assert: a set's representations are one codec, so a player switching within it never changes decoder.
        Assert.That(Sets(mpd), Is.EqualTo(new[]
        {
            ("0", (string?)null, new[] { "720p avc1.64001f", "360p avc1.64001e" }),
            ("1", "2", new[] { "audio-en-1 mp4a.40.2" }),
            ("2", "2", new[] { "720p-av1 av01.0.05M.08" }),
        }));
    }

    [Test]
    public void Write_H264Only_TheVideoSetAndTheAudioSetAsBefore()
    {
        // Act
        var mpd = DashManifest.Write([VideoOf("720p", "avc1.64001f", 1280, 720)], [English]);

        // Assert
        Assert.That(Sets(mpd).Select(s => (s.Id, s.Priority)), Is.EqualTo(new[] { ("0", (string?)null), ("1", "2") }), "the default audio track preferred among the audio sets");
    }
}
