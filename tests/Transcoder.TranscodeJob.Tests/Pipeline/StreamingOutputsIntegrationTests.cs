using System.Globalization;
using System.Xml.Linq;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Pipeline;

/// <summary>The streaming outputs of a real run: CMAF tracks, HLS and DASH over them, storyboard, in both encode modes.</summary>
[Category("Integration")]
public sealed class StreamingOutputsIntegrationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Out(string name) => _temp.Combine("out", name);

    private Task<JobOutcome> RunAsync(string clip, CancellationToken cancellationToken, EncodeMode mode = EncodeMode.Single, StreamingFormats formats = StreamingFormats.All) =>
        LocalJob.Create(clip, _temp, options: o => o with { EncodeMode = mode, Formats = formats }).RunAsync(cancellationToken);

    [TestCase(true)]
    [TestCase(false)]
    [CancelAfter(90_000)]
    public async Task RunAsync_FourAndAHalfSeconds_CmafTracksWithAlignedKeyframes(bool singlePass, CancellationToken cancellationToken)
    {
        // Act
        var mode = singlePass ? EncodeMode.Single : EncodeMode.PerRendition;
        var manifest = (await RunAsync(await Clips.FourAndAHalfSeconds(), cancellationToken, mode)).Manifest;

        // Assert: every rung's keyframes on the same 2 s grid (the B-frame delay shifts all tracks alike).
        var grids = new List<IReadOnlyList<double>>();
        foreach (var rendition in manifest.Renditions)
        {
            var keyframes = await MediaFacts.KeyframeTimesAsync(Out(rendition.Track));
            Assert.That(keyframes, Has.Count.EqualTo(3), rendition.Name);
            Assert.That(keyframes[1] - keyframes[0], Is.EqualTo(2).Within(0.01), rendition.Name);
            Assert.That(keyframes[2] - keyframes[0], Is.EqualTo(4).Within(0.01), rendition.Name);
            grids.Add(keyframes);
        }

        Assert.That(grids.Select(g => g[0]).Distinct().Count(), Is.EqualTo(1), "same timestamps in every rendition");
        Assert.That(manifest.Audio!.Channels, Is.EqualTo(1), "the mono tone stays mono");
        Assert.That(await FfmpegDecode.DurationAsync(Out(manifest.Audio.Track), cancellationToken), Is.EqualTo(4.5).Within(0.1));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_TransportStreamWhosePictureStartsAfterItsSound_EachModesPictureAsLateAsTheSourcesIs(CancellationToken cancellationToken)
    {
        // Arrange: the per-rendition mode reads the picture alone, which ffmpeg would start at its own first frame.
        var clip = await Clips.TransportStreamPictureLate();

        // Act
        var single = (await RunAsync(clip, cancellationToken, EncodeMode.Single)).Manifest;
        var singleTrack = await MediaFacts.ReadAsync(Out(single.Renditions[0].Track));
        Directory.Delete(_temp.Combine("out"), recursive: true);
        var perRendition = (await RunAsync(clip, cancellationToken, EncodeMode.PerRendition)).Manifest;
        var perRenditionTrack = await MediaFacts.ReadAsync(Out(perRendition.Renditions[0].Track));

        // Assert: the picture's first half second is its first frame held, in both modes, as long as the sound.
        Assert.That(singleTrack.Duration, Is.EqualTo(3.5).Within(0.1));
        Assert.That(perRenditionTrack.Duration, Is.EqualTo(singleTrack.Duration));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_SameSourceBothModes_SameFileSet(CancellationToken cancellationToken)
    {
        // Arrange
        var clip = await Clips.Landscape();

        // Act
        var single = (await RunAsync(clip, cancellationToken, EncodeMode.Single)).Manifest;
        Directory.Delete(_temp.Combine("out"), recursive: true);
        var perRendition = (await RunAsync(clip, cancellationToken, EncodeMode.PerRendition)).Manifest;

        // Assert
        Assert.That(perRendition.Files.Select(f => (f.File, f.Role)), Is.EquivalentTo(single.Files.Select(f => (f.File, f.Role))));
        Assert.That(perRendition.Renditions.Select(r => (r.Width, r.Height)), Is.EqualTo(single.Renditions.Select(r => (r.Width, r.Height))));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_Default_HlsMasterDecodesWholeAndDeclaresEveryVariant(CancellationToken cancellationToken)
    {
        // Arrange
        var clip = await Clips.FourAndAHalfSeconds();

        // Act
        var manifest = (await RunAsync(clip, cancellationToken)).Manifest;

        // Assert: ffmpeg's own HLS demuxer reads the playlists and every byte range, to the end.
        var master = await File.ReadAllTextAsync(Out("master.m3u8"), cancellationToken);
        Assert.That(manifest.Hls, Is.EqualTo("master.m3u8"));
        Assert.That(master.Split("#EXT-X-STREAM-INF:").Length - 1, Is.EqualTo(manifest.Renditions.Count));
        Assert.That(master, Does.Contain("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\""));
        foreach (var rendition in manifest.Renditions)
        {
            Assert.That(master, Does.Contain($"RESOLUTION={rendition.Width}x{rendition.Height},FRAME-RATE=30.000,AUDIO=\"audio\",CLOSED-CAPTIONS=NONE\n{rendition.Playlist}\n"));
        }

        var decoded = await FfmpegDecode.DurationAsync(Out("master.m3u8"), cancellationToken);
        Assert.That(decoded, Is.EqualTo(4.5).Within(0.1));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_Default_DashManifestPointsAtTheSameBytesAsHls(CancellationToken cancellationToken)
    {
        // Act
        await RunAsync(await Clips.FourAndAHalfSeconds(), cancellationToken);

        // Assert: for each representation, the MPD's media ranges are the HLS playlist's byte ranges.
        var mpd = XDocument.Load(Out("manifest.mpd"));
        XNamespace dash = "urn:mpeg:dash:schema:mpd:2011";
        var representations = mpd.Descendants(dash + "Representation").ToList();
        Assert.That(representations, Has.Count.EqualTo(4), "three video, one audio");
        foreach (var representation in representations)
        {
            var id = (string)representation.Attribute("id")!;
            var fromMpd = representation.Descendants(dash + "SegmentURL").Select(s => (string)s.Attribute("mediaRange")!).ToList();
            var fromHls = (await File.ReadAllLinesAsync(Out($"{id}.m3u8"), cancellationToken))
                .Where(l => l.StartsWith("#EXT-X-BYTERANGE:", StringComparison.Ordinal))
                .Select(l => l["#EXT-X-BYTERANGE:".Length..].Split('@'))
                .Select(p => $"{p[1]}-{long.Parse(p[1], CultureInfo.InvariantCulture) + long.Parse(p[0], CultureInfo.InvariantCulture) - 1}")
                .ToList();
            Assert.That(fromMpd, Is.EqualTo(fromHls), id);
        }

        // Every range is where the MPD says: the init section ends with moov, every media range starts with a moof.
        // (ffmpeg 5.1's DASH demuxer is not used as the check: it reports the last packet of every byte-range
        // segment corrupt, on ranges that the HLS demuxer above reads whole.)
        foreach (var representation in representations)
        {
            var file = await File.ReadAllBytesAsync(Out((string)representation.Element(dash + "BaseURL")!), cancellationToken);
            var list = representation.Element(dash + "SegmentList")!;
            var init = ((string)list.Element(dash + "Initialization")!.Attribute("range")!).Split('-').Select(long.Parse).ToArray();
            Assert.That(init[0], Is.Zero);
            Assert.That(BoxTypesIn(file, 0, init[1] + 1), Is.EqualTo(new[] { "ftyp", "moov" }));
            long next = init[1] + 1;
            foreach (var range in list.Elements(dash + "SegmentURL").Select(s => ((string)s.Attribute("mediaRange")!).Split('-').Select(long.Parse).ToArray()))
            {
                Assert.That(range[0], Is.EqualTo(next), "ranges follow each other");
                Assert.That(BoxTypesIn(file, range[0], range[1] + 1)[0], Is.EqualTo("moof"));
                next = range[1] + 1;
            }

            Assert.That(next, Is.EqualTo(file.Length), "the ranges cover the file");
        }
    }

    private static List<string> BoxTypesIn(byte[] file, long from, long to)
    {
        var types = new List<string>();
        for (var at = from; at < to;)
        {
            var size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan((int)at));
            types.Add(System.Text.Encoding.ASCII.GetString(file, (int)at + 4, 4));
            at += size;
            Assert.That(at, Is.LessThanOrEqualTo(to), "a box crosses the range's end");
        }

        return types;
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_Default_StoryboardCuesCoverTheVideoAndPointInsideTheSheet(CancellationToken cancellationToken)
    {
        // Act
        var manifest = (await RunAsync(await Clips.FourAndAHalfSeconds(), cancellationToken)).Manifest;

        // Assert
        var storyboard = manifest.Storyboard;
        Assert.That(storyboard!.Count, Is.EqualTo(5), "one a second over 4.5 s");
        var sheet = await MediaFacts.ReadAsync(Out(storyboard.Sheets[0]));
        Assert.That((sheet.Width, sheet.Height), Is.EqualTo((storyboard.Columns * storyboard.TileWidth, storyboard.Rows * storyboard.TileHeight)));
        var cues = (await File.ReadAllLinesAsync(Out("storyboard.vtt"), cancellationToken)).Where(l => l.Contains("-->", StringComparison.Ordinal)).ToList();
        Assert.That(cues, Has.Count.EqualTo(5));
        Assert.That(cues[0], Does.StartWith("00:00:00.000 --> "));
        Assert.That(cues[^1], Does.EndWith(" --> 00:00:04.500"));
    }

    [TestCase(1, new[] { "master.m3u8", "180p.m3u8", "180p.cmfv" }, new[] { "manifest.mpd", "180p.mp4" })]
    [TestCase(4, new[] { "180p.mp4" }, new[] { "master.m3u8", "manifest.mpd", "180p.cmfv", "audio.cmfa" })]
    [TestCase(2, new[] { "manifest.mpd", "audio.cmfa" }, new[] { "master.m3u8", "180p.m3u8", "180p.mp4" })]
    [CancelAfter(90_000)]
    public async Task RunAsync_FormatsSubset_PublishesOnlyThose(int formats, string[] present, string[] absent, CancellationToken cancellationToken)
    {
        // Act: 1 hls, 2 dash, 4 mp4 (StreamingFormats).
        var manifest = (await RunAsync(await Clips.Landscape(), cancellationToken, formats: (StreamingFormats)formats)).Manifest;

        // Assert
        var onDisk = Directory.GetFiles(_temp.Combine("out")).Select(Path.GetFileName).ToList();
        Assert.That(onDisk, Is.SupersetOf(present).And.SupersetOf(new[] { "storyboard.vtt", "storyboard-000.jpg", "poster.jpg", "manifest.json" }));
        Assert.That(onDisk, Has.None.AnyOf(absent));
        Assert.That(manifest.Files.Select(f => f.File), Is.EquivalentTo(onDisk.Where(f => f != "manifest.json")));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_EncoderRejectsARung_FailureNamesIt(CancellationToken cancellationToken)
    {
        // Arrange: an x264 preset that does not exist fails every rung's encoder at start; the first is named.
        var broken = new Ladder(LocalJob.SmallLadder.Renditions, new EncoderSettings("no-such-preset", 23, 2));
        var pipeline = LocalJob.Create(await Clips.Landscape(), _temp, broken);

        // Act
        var failure = await Assert.ThrowsAsync<JobException>(() => pipeline.RunAsync(cancellationToken));

        // Assert
        Assert.That(failure!.Message, Does.StartWith("ffmpeg failed on 180p: "));
    }
}
