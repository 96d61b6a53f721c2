using System.Xml.Linq;
using Transcoder.Shared.Captions;
using Transcoder.Shared.Outputs;
using Transcoder.Testing;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Subtitles;

/// <summary>
/// Subtitles and captions from the upload, through the whole pipeline with real ffmpeg: text subtitle streams and
/// CEA-608 captions become WebVTT tracks in HLS, DASH and the manifest; bitmap subtitles and broken caption files are
/// listed as skipped, never failing the job; caption files beside the upload are attached.
/// </summary>
[Category("Integration")]
public sealed class SubtitlesIntegrationTests : IDisposable
{
    private static readonly XNamespace Dash = "urn:mpeg:dash:schema:mpd:2011";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<JobManifest> TranscodeAsync(string clip, CancellationToken cancellationToken)
    {
        var manifest = (await LocalJob.Create(clip, _temp).RunAsync(cancellationToken)).Manifest;
        Assert.That(OutputSchemas.Problems(OutputSchemas.ManifestFile, await File.ReadAllTextAsync(_temp.Combine("out", JobManifest.FileName), cancellationToken)), Is.Empty);
        return manifest;
    }

    private async Task<IReadOnlyList<Cue>> CuesAsync(string file, CancellationToken cancellationToken) =>
        CaptionParser.Parse(await File.ReadAllBytesAsync(_temp.Combine("out", file), cancellationToken), CaptionFormat.WebVtt, file);

    [Test]
    [CancelAfter(120_000)]
    public async Task RunAsync_MatroskaWithSrtAndAss_TwoWebVttTracksInHlsDashAndTheManifest(CancellationToken cancellationToken)
    {
        // Act
        var manifest = await TranscodeAsync(await Clips.MatroskaWithSrtAndAss(), cancellationToken);

        // Assert: the manifest's facts, the language as BCP 47.
        Assert.That(manifest.Subtitles.Select(s => (s.File, s.Playlist, s.Language, s.Name, s.HearingImpaired, s.Origin, s.SourceStream, s.Cues)), Is.EqualTo(new[]
        {
            ("subtitles-2.vtt", (string?)"subtitles-2.m3u8", (string?)"fr", "French", false, SubtitleOrigins.Stream, (int?)2, 2),
            ("subtitles-3.vtt", "subtitles-3.m3u8", "en", "English SDH", true, SubtitleOrigins.Stream, 3, 1),
        }));
        Assert.That(manifest.Files.Where(f => f.Role == OutputRoles.Subtitles).Select(f => (f.File, f.ContentType)),
            Is.EqualTo(new[] { ("subtitles-2.vtt", "text/vtt"), ("subtitles-3.vtt", "text/vtt") }));

        // The cues: on time, the one that outlasts the picture cut at its end, the styling dropped.
        var french = await CuesAsync("subtitles-2.vtt", cancellationToken);
        Assert.That(french[0].Text, Is.EqualTo("Bonjour <i>à tous</i>"));
        Assert.That(french[0].Start.TotalSeconds, Is.EqualTo(0.2).Within(0.05));
        Assert.That(french[1].End.TotalSeconds, Is.EqualTo(manifest.Source.DurationSeconds).Within(0.001), "cut to the media");
        var english = (await CuesAsync("subtitles-3.vtt", cancellationToken)).Single();
        Assert.That(english.Text, Does.Contain("[door creaks]").And.Contain("Hello").And.Not.Contain("{\\"));
        Assert.That(manifest.Renditions.Select(r => r.DurationSeconds), Is.All.EqualTo(Clips.DefaultSeconds).Within(0.07), "no cue lengthens the encode");

        // HLS: the SUBTITLES group, its playlists, every variant without in-band captions.
        var master = await File.ReadAllTextAsync(_temp.Combine("out", "master.m3u8"), cancellationToken);
        Assert.That(master, Does.Contain("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"French\",LANGUAGE=\"fr\",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI=\"subtitles-2.m3u8\""));
        Assert.That(master, Does.Contain("NAME=\"English SDH\",LANGUAGE=\"en\"").And.Contain("CHARACTERISTICS=\"public.accessibility.transcribes-spoken-dialog"));
        Assert.That(master.Split('\n').Where(l => l.StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal)),
            Is.All.EndsWith(",SUBTITLES=\"subs\",CLOSED-CAPTIONS=NONE"));
        Assert.That(await File.ReadAllTextAsync(_temp.Combine("out", "subtitles-2.m3u8"), cancellationToken), Does.Contain("\nsubtitles-2.vtt\n#EXT-X-ENDLIST"));
        Assert.That(await File.ReadAllTextAsync(_temp.Combine("out", "subtitles-2.vtt"), cancellationToken), Does.StartWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n"));

        // DASH: a text AdaptationSet per track.
        var texts = XDocument.Load(_temp.Combine("out", "manifest.mpd")).Descendants(Dash + "AdaptationSet").Where(s => (string?)s.Attribute("contentType") == "text");
        Assert.That(texts.Select(s => ((string?)s.Attribute("lang"), (string?)s.Element(Dash + "Role")!.Attribute("value"), (string?)s.Descendants(Dash + "BaseURL").Single())),
            Is.EqualTo(new[] { ((string?)"fr", (string?)"subtitle", (string?)"subtitles-2.vtt"), ("en", "caption", "subtitles-3.vtt") }));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task RunAsync_Mp4WithMovText_OneWebVttTrack(CancellationToken cancellationToken)
    {
        // Act
        var manifest = await TranscodeAsync(await Clips.Mp4WithTimedText(), cancellationToken);

        // Assert
        var track = manifest.Subtitles.Single();
        Assert.That((track.File, track.Origin, track.Cues), Is.EqualTo(("subtitles-2.vtt", SubtitleOrigins.Stream, 1)));
        var cue = (await CuesAsync(track.File, cancellationToken)).Single();
        Assert.That((cue.Text, cue.Start.TotalSeconds, cue.End.TotalSeconds), Is.EqualTo(("Hello", 0.1, 0.9)).Using<(string, double, double)>(
            (a, b) => a.Item1 == b.Item1 && Math.Abs(a.Item2 - b.Item2) < 0.05 && Math.Abs(a.Item3 - b.Item3) < 0.05));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task RunAsync_H264WithCea608_CaptionsAsAWebVttTrackAndNotCarriedOn(CancellationToken cancellationToken)
    {
        // Arrange: a name with the filter graph's special characters, which the caption extraction passes to ffmpeg.
        var clip = _temp.Combine("in", "news: a, b [x]'s.mp4");
        Directory.CreateDirectory(_temp.Combine("in"));
        File.Copy(await Clips.H264WithCea608(), clip);

        // Act
        var manifest = await TranscodeAsync(clip, cancellationToken);

        // Assert
        var track = manifest.Subtitles.Single();
        Assert.That((track.File, track.Origin, track.HearingImpaired, track.Name, track.SourceStream), Is.EqualTo(("cc1.vtt", SubtitleOrigins.ClosedCaptions, true, "Closed captions", (int?)0)));
        var cues = await CuesAsync(track.File, cancellationToken);
        Assert.That(cues.Select(c => c.Text), Is.EqualTo(new[] { "HELLO CAPTIONS", "SECOND LINE" }));
        Assert.That(cues.Select(c => c.Start.TotalSeconds), Is.EqualTo(new[] { 1.0, 2.333 }).Within(0.05));
        Assert.That(cues.Select(c => c.End.TotalSeconds), Is.EqualTo(new[] { 2.0, 2.833 }).Within(0.05));
        foreach (var rendition in manifest.Renditions)
        {
            Assert.That(await SideDataAsync(_temp.Combine("out", rendition.Track), cancellationToken), Does.Not.Contain("A53"), $"{rendition.Name} carries no CEA-608");
        }

        Assert.That(await File.ReadAllTextAsync(_temp.Combine("out", "master.m3u8"), cancellationToken), Does.Contain(",SUBTITLES=\"subs\",CLOSED-CAPTIONS=NONE"));
    }

    private static IEnumerable<TestCaseData> BitmapSubtitles()
    {
        yield return new TestCaseData((Func<Task<string>>)Clips.MatroskaWithPgs, "hdmv_pgs_subtitle").SetName("RunAsync_BitmapSubtitles_SkippedWithTheReason(PGS)");
        yield return new TestCaseData((Func<Task<string>>)Clips.MatroskaWithVobSub, "dvd_subtitle").SetName("RunAsync_BitmapSubtitles_SkippedWithTheReason(VobSub)");
        yield return new TestCaseData((Func<Task<string>>)Clips.DvbWithSubtitles, "dvb_subtitle").SetName("RunAsync_BitmapSubtitles_SkippedWithTheReason(DVB)");
    }

    [TestCaseSource(nameof(BitmapSubtitles))]
    [CancelAfter(120_000)]
    public async Task RunAsync_BitmapSubtitles_SkippedWithTheReason(Func<Task<string>> make, string codec, CancellationToken cancellationToken)
    {
        // Act
        var manifest = await TranscodeAsync(await make(), cancellationToken);

        // Assert
        Assert.That(manifest.Subtitles, Is.Empty);
        var skipped = manifest.SkippedSubtitles.Single();
        Assert.That((skipped.Origin, skipped.Codec, skipped.Reason), Is.EqualTo((SubtitleOrigins.Stream, codec, $"bitmap subtitles ({codec}) are pictures: they need OCR to become text")));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task RunAsync_CaptionFilesBesideTheUpload_AttachedAndABrokenOneSkippedWithItsLine(CancellationToken cancellationToken)
    {
        // Arrange: clip.mp4 with two good caption files, a broken one, and files that are not its captions.
        Directory.CreateDirectory(_temp.Combine("in"));
        var clip = _temp.Combine("in", "clip.mp4");
        File.Copy(await Clips.Landscape(), clip);
        await File.WriteAllTextAsync(_temp.Combine("in", "clip.de.srt"), "1\n00:00:00,500 --> 00:00:01,000\nHallo\n", cancellationToken);
        await File.WriteAllTextAsync(_temp.Combine("in", "clip.es.forced.vtt"), "WEBVTT\n\n00:00.100 --> 00:00.400\nCartel\n", cancellationToken);
        await File.WriteAllTextAsync(_temp.Combine("in", "clip.it.srt"), "1\n00:00:00,500 --> 00:00:01,000\nCiao\n\n2\n00:00:01.2 --> 00:00:01,400\nA\n", cancellationToken);
        await File.WriteAllTextAsync(_temp.Combine("in", "clip2.fr.vtt"), "WEBVTT\n", cancellationToken);
        await File.WriteAllTextAsync(_temp.Combine("in", "clip.notes.vtt"), "WEBVTT\n", cancellationToken);

        // Act
        var manifest = await TranscodeAsync(clip, cancellationToken);

        // Assert
        Assert.That(manifest.Subtitles.Select(s => (s.File, s.Language, s.Name, s.Forced, s.Origin, s.SourceFile)), Is.EqualTo(new[]
        {
            ("caption-de.vtt", (string?)"de", "German", false, SubtitleOrigins.File, (string?)"clip.de.srt"),
            ("caption-es-forced.vtt", "es", "Spanish (forced)", true, SubtitleOrigins.File, "clip.es.forced.vtt"),
        }));
        var skipped = manifest.SkippedSubtitles.Single();
        Assert.That((skipped.Origin, skipped.SourceFile, skipped.Reason), Is.EqualTo((SubtitleOrigins.File, (string?)"clip.it.srt",
            "clip.it.srt line 6: '00:00:01.2 --> 00:00:01,400' is not a cue timing such as 00:01:02,500 --> 00:01:04,000")));
        Assert.That((await CuesAsync("caption-de.vtt", cancellationToken)).Single().Text, Is.EqualTo("Hallo"));
    }

    private static async Task<string> SideDataAsync(string path, CancellationToken cancellationToken)
    {
        var start = new System.Diagnostics.ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-v", "error", "-select_streams", "v:0", "-read_intervals", "%+#30", "-show_entries", "frame_side_data=side_data_type", "-of", "csv=p=0", path])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return output;
    }
}
