using System.Xml.Linq;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Pipeline;

/// <summary>
/// Uploads with no video (a podcast's MP3 with its cover, an M4A, a voice memo, music) become an audio-only HLS and
/// DASH presentation with an M4A, and the job's bounds still hold for them.
/// </summary>
[Category("Integration")]
public sealed class AudioOnlyIntegrationTests : IDisposable
{
    private static readonly XNamespace Dash = "urn:mpeg:dash:schema:mpd:2011";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Output(string file) => Path.Combine(_temp.Combine("out"), file);

    private Task<JobManifest> TranscodeAsync(string clip, CancellationToken cancellationToken) => LocalJob.RunCheckedAsync(clip, _temp, cancellationToken);

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_Mp3WithCoverArt_AudioOnlyHlsDashM4aAndThePosterFromTheCover(CancellationToken cancellationToken)
    {
        // Act
        var manifest = await TranscodeAsync(await Clips.Mp3WithCoverArt(), cancellationToken);

        // Assert: what the manifest says.
        Assert.That(manifest.AudioOnly, Is.True);
        Assert.That((manifest.Renditions, manifest.Storyboard, manifest.Source.Video), Is.EqualTo((Array.Empty<ManifestRendition>(), (ManifestStoryboard?)null, (ManifestVideo?)null)));
        Assert.That(manifest.Poster, Is.EqualTo(new ManifestPoster("poster.jpg", 200, 200)));
        Assert.That((manifest.Audio!.Track, manifest.Audio.File, manifest.Audio.Channels), Is.EqualTo(("audio.cmfa", (string?)"audio.m4a", 1)));
        Assert.That((manifest.Hls, manifest.Dash), Is.EqualTo(((string?)"master.m3u8", (string?)"manifest.mpd")));

        // The folder: no storyboard, no video; exactly what the manifest lists.
        Assert.That(Directory.GetFiles(_temp.Combine("out")).Select(Path.GetFileName), Is.EquivalentTo(new[]
        {
            "audio.cmfa", "audio.m3u8", "master.m3u8", "manifest.mpd", "audio.m4a", "poster.jpg", "manifest.json",
        }));
        Assert.That(manifest.Files.Single(f => f.File == "audio.m4a"), Is.EqualTo(new ManifestFile("audio.m4a", OutputRoles.ProgressiveAudio, "audio/mp4", new FileInfo(Output("audio.m4a")).Length)));

        // The media: an AAC M4A as long as the source, the cover as a JPEG.
        var (streams, duration) = await MediaFacts.StreamsAsync(Output("audio.m4a"));
        Assert.That(streams, Is.EqualTo(new[] { "audio:aac:1" }));
        Assert.That(duration, Is.EqualTo(2).Within(0.1));
        Assert.That((await MediaFacts.StreamsAsync(Output("poster.jpg"))).Streams, Is.EqualTo(new[] { "video:mjpeg:" }));

        // The playlists: one audio-only variant, one audio set.
        var master = await File.ReadAllTextAsync(Output("master.m3u8"), cancellationToken);
        Assert.That(master, Does.Match("#EXT-X-STREAM-INF:BANDWIDTH=\\d+,AVERAGE-BANDWIDTH=\\d+,CODECS=\"mp4a.40.2\",CLOSED-CAPTIONS=NONE\naudio.m3u8\n"));
        Assert.That(master, Does.Not.Contain("RESOLUTION").And.Not.Contain("I-FRAME"));
        Assert.That(XDocument.Load(Output("manifest.mpd")).Descendants(Dash + "AdaptationSet").Select(s => (string?)s.Attribute("contentType")), Is.EqualTo(new[] { "audio" }));
    }

    private static IEnumerable<TestCaseData> Uploads()
    {
        yield return new TestCaseData((Func<Task<string>>)Clips.AudioOnly, 1).SetName("RunAsync_M4a_AudioOnlyWithoutPoster");
        yield return new TestCaseData((Func<Task<string>>)Clips.VoiceMemo, 1).SetName("RunAsync_VoiceMemo_AudioOnlyWithoutPoster");
        yield return new TestCaseData((Func<Task<string>>)Clips.Music, 2).SetName("RunAsync_Flac_AudioOnlyWithoutPoster");
    }

    [TestCaseSource(nameof(Uploads))]
    [CancelAfter(60_000)]
    public async Task RunAsync_AudioUploadWithoutCover_AudioOnlyWithoutPoster(Func<Task<string>> make, int channels, CancellationToken cancellationToken)
    {
        // Act
        var manifest = await TranscodeAsync(await make(), cancellationToken);

        // Assert
        Assert.That(manifest.AudioOnly, Is.True);
        Assert.That((manifest.Poster, manifest.Storyboard), Is.EqualTo(((ManifestPoster?)null, (ManifestStoryboard?)null)));
        Assert.That(manifest.Files.Select(f => f.File), Is.EquivalentTo(new[] { "audio.cmfa", "audio.m3u8", "master.m3u8", "manifest.mpd", "audio.m4a" }));
        Assert.That((await MediaFacts.StreamsAsync(Output("audio.m4a"))).Streams, Is.EqualTo(new[] { $"audio:aac:{channels}" }));
        Assert.That(manifest.Audio!.Loudness, Is.Not.Null);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_AudiobookInTwoLanguages_TheDefaultIsTheVariantTheOtherItsAlternate(CancellationToken cancellationToken)
    {
        // Act
        var manifest = await TranscodeAsync(await Clips.AudioOnlyTwoLanguages(), cancellationToken);

        // Assert
        Assert.That(manifest.AudioTracks.Select(t => (t.Track, t.Language, t.IsDefault, t.File)), Is.EqualTo(new[]
        {
            ("audio-en-1.cmfa", (string?)"en", true, (string?)"audio.m4a"), ("audio-es-2.cmfa", "es", false, null),
        }));
        var master = await File.ReadAllTextAsync(Output("master.m3u8"), cancellationToken);
        Assert.That(master, Does.Contain("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",NAME=\"English\",LANGUAGE=\"en\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"1\"\n"));
        Assert.That(master, Does.Contain("NAME=\"Spanish\",LANGUAGE=\"es\",DEFAULT=NO,AUTOSELECT=YES,CHANNELS=\"1\",URI=\"audio-es-2.m3u8\"\n"));
        Assert.That(master, Does.Match("CODECS=\"mp4a.40.2\",AUDIO=\"audio\",CLOSED-CAPTIONS=NONE\naudio-en-1.m3u8\n"));
        Assert.That(XDocument.Load(Output("manifest.mpd")).Descendants(Dash + "AdaptationSet").Select(s => (string?)s.Attribute("lang")), Is.EqualTo(new[] { "en", "es" }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_AudioOnlyOverTheDurationLimit_BadInputWithAFailureRecord(CancellationToken cancellationToken)
    {
        // Arrange
        var clip = await Clips.Mp3WithCoverArt();

        // Act
        var failure = await Assert.ThrowsAsync<JobException>(
            () => LocalJob.Create(clip, _temp, options: o => o with { MaxSourceDuration = TimeSpan.FromSeconds(1) }).RunAsync(cancellationToken));

        // Assert
        Assert.That(failure!.IsRetryable, Is.False);
        Assert.That(failure.Message, Does.Contain("lasts 2 s, over the 1 s limit"));
        Assert.That(File.Exists(Output(FailureRecord.FileName)), Is.True);
        Assert.That(File.Exists(Output(JobManifest.FileName)), Is.False);
    }
}
