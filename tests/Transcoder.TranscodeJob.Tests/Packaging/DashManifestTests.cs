using System.Xml.Linq;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Tests.Packaging;

public sealed class DashManifestTests
{
    private static readonly XNamespace Dash = "urn:mpeg:dash:schema:mpd:2011";

    private static IndexedTrack Video(string name, string codec, int width, int height) => new(
        new CmafTrack(name, name + ".cmfv", "/ws/" + name + ".cmfv", TrackKind.Video, width, height, new Rational(30, 1), null),
        new FragmentedMp4(800, 15360, codec, [new(800, 500_000, 0, 30720, 60_000), new(500_800, 250_000, 30720, 30720, 40_000)]));

    private static readonly IndexedTrack Audio = new(
        new CmafTrack("audio", "audio.cmfa", "/ws/audio.cmfa", TrackKind.Audio, 0, 0, null, null),
        new FragmentedMp4(700, 48000, "mp4a.40.2", [new(700, 32_000, 0, 96000, 500), new(32_700, 32_000, 96000, 96000, 500)]));

    private static List<(string Id, string? Priority, string[] Representations)> Sets(string mpd) =>
    [
        .. XDocument.Parse(mpd).Descendants(Dash + "AdaptationSet").Select(set => (
            (string)set.Attribute("id")!,
            (string?)set.Attribute("selectionPriority"),
            set.Elements(Dash + "Representation").Select(r => $"{r.Attribute("id")!.Value} {r.Attribute("codecs")!.Value}").ToArray())),
    ];

    [Test]
    public void Write_H264AndAv1_OneVideoAdaptationSetPerCodecAv1Preferred()
    {
        // Act
        var mpd = DashManifest.Write(
            [Video("720p", "avc1.64001f", 1280, 720), Video("720p-av1", "av01.0.05M.08", 1280, 720), Video("360p", "avc1.64001e", 640, 360)], Audio);

        // Assert: a set's representations are one codec, so a player switching within it never changes decoder.
        Assert.That(Sets(mpd), Is.EqualTo(new[]
        {
            ("0", (string?)null, new[] { "720p avc1.64001f", "360p avc1.64001e" }),
            ("1", null, new[] { "audio mp4a.40.2" }),
            ("2", "2", new[] { "720p-av1 av01.0.05M.08" }),
        }));
    }

    [Test]
    public void Write_H264Only_TheVideoSetAndTheAudioSetAsBefore()
    {
        // Act
        var mpd = DashManifest.Write([Video("720p", "avc1.64001f", 1280, 720)], Audio);

        // Assert
        Assert.That(Sets(mpd).Select(s => (s.Id, s.Priority)), Is.EqualTo(new[] { ("0", (string?)null), ("1", null) }));
    }
}
