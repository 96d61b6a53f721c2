using System.Xml.Linq;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Pipeline;

/// <summary>
/// Every audio track of a source delivered as its own rendition, checked on what the job wrote: the tracks themselves
/// (ffprobe, and a loudness reading of each), the HLS master, the MPD and the manifest.
/// </summary>
[Category("Integration")]
public sealed class AudioTracksIntegrationTests : IDisposable
{
    private static readonly XNamespace Dash = "urn:mpeg:dash:schema:mpd:2011";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Output(string file) => Path.Combine(_temp.Combine("out"), file);

    // One rendition (144p) is enough: the audio is what is under test.
    private Task<JobManifest> TranscodeAsync(string clip, CancellationToken cancellationToken, Ladder? ladder = null, Func<PipelineOptions, PipelineOptions>? options = null) =>
        LocalJob.RunCheckedAsync(clip, _temp, cancellationToken, ladder ?? LocalJob.SmallLadder.Select(["144p"]), options);

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_ThreeLanguagesAndAudioDescription_EveryTrackItsOwnRenditionInHlsDashAndTheManifest(CancellationToken cancellationToken)
    {
        // Act
        var manifest = await TranscodeAsync(await Clips.ThreeLanguagesAndDescription(), cancellationToken);

        // Assert: the manifest's facts, in the source's order, English the default.
        var tracks = manifest.AudioTracks;
        Assert.That(tracks.Select(t => (t.Name, t.Language, t.Label, t.Role, t.IsDefault, t.SourceIndex)), Is.EqualTo(new[]
        {
            ("audio-en-1", "en", "English", "main", true, 1),
            ("audio-fr-2", "fr", "French", "alternate", false, 2),
            ("audio-de-3", "de", "German", "alternate", false, 3),
            ("audio-en-4", "en", "English (audio description)", "description", false, 4),
        }.Select(t => ((string?)t.Item1, (string?)t.Item2, (string?)t.Item3, (string?)t.Item4, t.Item5, (int?)t.Item6))));
        Assert.That(tracks.Select(t => (t.SourceChannels, t.Channels)), Is.EqualTo(new[] { ((int?)2, 2), (1, 1), (6, 2), (1, 1) }), "the 5.1 downmixed to stereo");
        Assert.That(manifest.Audio, Is.EqualTo(tracks[0]));
        Assert.That(manifest.SkippedAudio, Is.Empty);

        // Each track: one AAC stream, as long as the source, and as loud as the manifest says (French about 10 dB down).
        foreach (var track in tracks)
        {
            var (streams, duration) = await MediaFacts.StreamsAsync(Output(track.Track));
            Assert.That(streams, Is.EqualTo(new[] { $"audio:aac:{track.Channels}" }), track.Track);
            Assert.That(duration, Is.EqualTo(3).Within(0.1), track.Track);
            Assert.That(track.Loudness!.IntegratedLufs, Is.EqualTo(await LoudnessMeter.IntegratedLufsAsync(Output(track.Track), cancellationToken)).Within(0.5), track.Track);
        }

        Assert.That(tracks[1].Loudness!.IntegratedLufs, Is.LessThan(tracks[0].Loudness!.IntegratedLufs - 8));
        // The progressive MP4 carries the default track: English's loudness, not French's.
        var mp4 = manifest.Renditions.Single().File!;
        Assert.That((await MediaFacts.StreamsAsync(Output(mp4))).Streams, Is.EqualTo(new[] { "video:h264:", "audio:aac:2" }));
        Assert.That(await LoudnessMeter.IntegratedLufsAsync(Output(mp4), cancellationToken), Is.EqualTo(tracks[0].Loudness!.IntegratedLufs).Within(0.5));

        // HLS: one AUDIO group of four, the description with its characteristic; DASH: one set per track with its Role.
        var media = (await File.ReadAllLinesAsync(Output("master.m3u8"), cancellationToken)).Where(l => l.StartsWith("#EXT-X-MEDIA:TYPE=AUDIO", StringComparison.Ordinal)).ToList();
        Assert.That(media, Has.Count.EqualTo(4));
        Assert.That(media.Select(l => l.Contains("CHARACTERISTICS=\"public.accessibility.describes-video\"", StringComparison.Ordinal)), Is.EqualTo(new[] { false, false, false, true }));
        Assert.That(media.Select(l => l.Contains("DEFAULT=YES", StringComparison.Ordinal)), Is.EqualTo(new[] { true, false, false, false }));
        var sets = XDocument.Load(Output("manifest.mpd")).Descendants(Dash + "AdaptationSet").Where(s => (string?)s.Attribute("contentType") == "audio").ToList();
        Assert.That(sets.Select(s => ((string?)s.Attribute("lang"), (string?)s.Element(Dash + "Role")!.Attribute("value"))), Is.EqualTo(new[]
        {
            ((string?)"en", (string?)"main"), ("fr", "alternate"), ("de", "alternate"), ("en", "description"),
        }));
        Assert.That(manifest.Files.Where(f => f.Role == OutputRoles.CmafAudio).Select(f => f.File), Is.EqualTo(tracks.Select(t => t.Track)));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_NormaliseEveryTrack_EachWithinOneLuOfTheTargetMeasuredOnTheOutput(CancellationToken cancellationToken)
    {
        // Arrange: the tracks start between about -30 (French) and -16 LUFS.
        var ladder = LocalJob.SmallLadder.Select(["144p"]) with { Encoder = new EncoderSettings(Loudness: new LoudnessTarget(-16, LoudnessTarget.DefaultTruePeakDbtp)) };

        // Act
        var manifest = await TranscodeAsync(await Clips.ThreeLanguagesAndDescription(), cancellationToken, ladder);

        // Assert
        Assert.That(manifest.AudioTracks, Has.Count.EqualTo(4));
        foreach (var track in manifest.AudioTracks)
        {
            var measured = await LoudnessMeter.IntegratedLufsAsync(Output(track.Track), cancellationToken);
            Assert.That(measured, Is.EqualTo(-16).Within(1.0), track.Track);
            Assert.That(track.Loudness!.IntegratedLufs, Is.EqualTo(-16).Within(1.0), track.Track);
            Assert.That(track.Loudness.TargetLufs, Is.EqualTo(-16), track.Track);
            Assert.That(track.Loudness.TruePeakDbtp, Is.LessThanOrEqualTo(LoudnessTarget.DefaultTruePeakDbtp + 0.5), track.Track);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_DuplicateAndEmptyStreams_SkippedAndListedTheDefaultDelivered(CancellationToken cancellationToken)
    {
        // Act
        var manifest = await TranscodeAsync(await Clips.DuplicateAndEmptyAudio(), cancellationToken);

        // Assert: the second English track is the default, the first its duplicate, the third empty.
        var only = manifest.AudioTracks.Single();
        Assert.That((only.Name, only.Track, only.SourceIndex, only.IsDefault), Is.EqualTo(((string?)"audio", "audio.cmfa", (int?)2, true)));
        Assert.That(manifest.SkippedAudio.Select(s => s.Index), Is.EqualTo(new[] { 1, 3 }));
        Assert.That(manifest.SkippedAudio[0].Reason, Does.StartWith("a duplicate of stream 2"));
        Assert.That(manifest.SkippedAudio[1].Reason, Does.StartWith("empty"));
        Assert.That(manifest.Source.Audio, Has.Count.EqualTo(3));
        Assert.That(Directory.GetFiles(_temp.Combine("out"), "*.cmfa").Select(Path.GetFileName), Is.EqualTo(new[] { "audio.cmfa" }));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_PerRenditionMode_TheSameTracks(CancellationToken cancellationToken)
    {
        // Act
        var manifest = await TranscodeAsync(await Clips.ThreeLanguagesAndDescription(), cancellationToken, options: o => o with { EncodeMode = EncodeMode.PerRendition });

        // Assert
        Assert.That(manifest.AudioTracks.Select(t => t.Track), Is.EqualTo(new[] { "audio-en-1.cmfa", "audio-fr-2.cmfa", "audio-de-3.cmfa", "audio-en-4.cmfa" }));
        foreach (var track in manifest.AudioTracks)
        {
            Assert.That((await MediaFacts.StreamsAsync(Output(track.Track))).Duration, Is.EqualTo(3).Within(0.1), track.Track);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_SilentVideo_VideoOnlyWithNoAudioGroupOrSet(CancellationToken cancellationToken)
    {
        // Act
        var manifest = await TranscodeAsync(await Clips.NoAudio(), cancellationToken);

        // Assert
        Assert.That((manifest.Audio, manifest.AudioTracks, manifest.AudioOnly), Is.EqualTo(((ManifestAudioRendition?)null, Array.Empty<ManifestAudioRendition>(), false)));
        Assert.That(manifest.Renditions.Single().HasAudio, Is.False);
        var master = await File.ReadAllTextAsync(Output("master.m3u8"), cancellationToken);
        Assert.That(master, Does.Not.Contain("EXT-X-MEDIA").And.Not.Contain("AUDIO=").And.Not.Contain("mp4a"));
        Assert.That(XDocument.Load(Output("manifest.mpd")).Descendants(Dash + "AdaptationSet").Select(s => (string?)s.Attribute("contentType")), Is.EqualTo(new[] { "video" }));
        Assert.That((await MediaFacts.StreamsAsync(Output(manifest.Renditions.Single().File!))).Streams, Is.EqualTo(new[] { "video:h264:" }));
    }
}
