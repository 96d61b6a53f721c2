using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using Transcoder.Shared;
using Transcoder.Shared.Outputs;
using Transcoder.Testing;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Captions;

/// <summary>
/// A caption file sent after its video, through the job's own entry point (<c>TranscodeJob --input clip.fr.srt</c>,
/// as the dispatcher's caption job runs it): attached to the published outputs without encoding again; a broken one
/// refused with its line and the outputs left as they were; two at once both attached.
/// </summary>
[Category("Integration")]
public sealed class CaptionJobIntegrationTests : IDisposable
{
    private static readonly XNamespace Dash = "urn:mpeg:dash:schema:mpd:2011";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Input(string name) => _temp.Combine("in", name);

    private string Folder => Directory.GetDirectories(_temp.Combine("out")).Single();

    private async Task<int> RunJobAsync(string input, CancellationToken cancellationToken, List<string>? stderr = null)
    {
        await using var process = await JobProcess.RunAsync(["--input", input, "--output", _temp.Combine("out")], null, cancellationToken);
        stderr?.AddRange(process.StderrLines);
        var exitCode = await process.WaitForExitAsync(cancellationToken);
        return exitCode;
    }

    // The video published: a 1.5 s MKV with a French SubRip and an English ASS track.
    private async Task PublishVideoAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_temp.Combine("in"));
        File.Copy(await Clips.MatroskaWithSrtAndAss(), Input("clip.mkv"));
        Assert.That(await RunJobAsync(Input("clip.mkv"), cancellationToken), Is.EqualTo(ExitCodes.Success));
    }

    private JobManifest Manifest() =>
        JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(Folder, JobManifest.FileName)), ManifestJsonContext.Default.JobManifest)!;

    private Dictionary<string, string> Hashes() => Directory.GetFiles(Folder).ToDictionary(
        path => Path.GetFileName(path), path => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))));

    [Test]
    [CancelAfter(180_000)]
    public async Task Run_CaptionSentAfterTheVideo_AttachedWithoutEncodingAgain(CancellationToken cancellationToken)
    {
        // Arrange
        await PublishVideoAsync(cancellationToken);
        var before = Hashes();
        await File.WriteAllTextAsync(Input("clip.pt-BR.sdh.srt"), "1\n00:00:00,300 --> 00:00:00,900\n[música]\n", cancellationToken);

        // Act
        var exitCode = await RunJobAsync(Input("clip.pt-BR.sdh.srt"), cancellationToken);

        // Assert: the media untouched, the caption listed after the upload's own tracks, everywhere.
        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success));
        var after = Hashes();
        Assert.That(before.Where(f => f.Key.EndsWith(".cmfv", StringComparison.Ordinal) || f.Key.EndsWith(".cmfa", StringComparison.Ordinal) || f.Key.EndsWith(".mp4", StringComparison.Ordinal))
            .All(f => after[f.Key] == f.Value), Is.True, "no encoding again");
        var manifest = Manifest();
        Assert.That(manifest.Subtitles.Select(s => (s.File, s.Language, s.Name, s.HearingImpaired, s.SourceFile)), Is.EqualTo(new[]
        {
            ("subtitles-2.vtt", (string?)"fr", "French", false, (string?)null),
            ("subtitles-3.vtt", "en", "English SDH", true, null),
            ("caption-pt-br-sdh.vtt", "pt-BR", "Portuguese (BR) (SDH)", true, "clip.pt-BR.sdh.srt"),
        }));
        Assert.That(OutputSchemas.Problems(OutputSchemas.ManifestFile, await File.ReadAllTextAsync(Path.Combine(Folder, JobManifest.FileName), cancellationToken)), Is.Empty);
        Assert.That(manifest.Files.Select(f => f.File).Order(), Is.EqualTo(after.Keys.Where(k => k != JobManifest.FileName).Order()), "the manifest lists the folder");
        var master = await File.ReadAllTextAsync(Path.Combine(Folder, "master.m3u8"), cancellationToken);
        Assert.That(master, Does.Contain("NAME=\"Portuguese (BR) (SDH)\",LANGUAGE=\"pt-BR\"").And.Contain("URI=\"caption-pt-br-sdh.m3u8\""));
        Assert.That(XDocument.Load(Path.Combine(Folder, "manifest.mpd")).Descendants(Dash + "AdaptationSet").Count(s => (string?)s.Attribute("contentType") == "text"), Is.EqualTo(3));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(Folder, "caption-pt-br-sdh.vtt"), cancellationToken), Does.EndWith("00:00:00.300 --> 00:00:00.900\n[música]\n"));
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Run_BrokenCaptionSentLater_Exit3WithItsLineAndTheOutputsAsTheyWere(CancellationToken cancellationToken)
    {
        // Arrange: cues out of order.
        await PublishVideoAsync(cancellationToken);
        var before = Hashes();
        await File.WriteAllTextAsync(Input("clip.fr.srt"), "1\n00:00:01,000 --> 00:00:01,200\nB\n\n2\n00:00:00,100 --> 00:00:00,300\nA\n", cancellationToken);
        var stderr = new List<string>();

        // Act
        var exitCode = await RunJobAsync(Input("clip.fr.srt"), cancellationToken, stderr);

        // Assert
        Assert.That(exitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(stderr.Where(l => l.StartsWith("error:", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "error: clip.fr.srt line 6: the cue starts at 00:00:00.100, before the cue on line 2 (00:00:01.000): cues out of order",
        }));
        Assert.That(Hashes(), Is.EqualTo(before));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Run_CaptionWithoutAPublishedVideo_Exit3NamingIt(CancellationToken cancellationToken)
    {
        // Arrange
        Directory.CreateDirectory(_temp.Combine("in"));
        await File.WriteAllTextAsync(Input("lonely.en.vtt"), "WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n", cancellationToken);
        var stderr = new List<string>();

        // Act
        var exitCode = await RunJobAsync(Input("lonely.en.vtt"), cancellationToken, stderr);

        // Assert
        Assert.That(exitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(stderr.Single(l => l.StartsWith("error:", StringComparison.Ordinal)), Does.Contain("lonely.en.vtt: no published video beside it"));
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Run_TwoCaptionsAtOnce_BothAttached(CancellationToken cancellationToken)
    {
        // Arrange
        await PublishVideoAsync(cancellationToken);
        await File.WriteAllTextAsync(Input("clip.de.vtt"), "WEBVTT\n\n00:00.100 --> 00:00.500\nEins\n", cancellationToken);
        await File.WriteAllTextAsync(Input("clip.it.vtt"), "WEBVTT\n\n00:00.100 --> 00:00.500\nUno\n", cancellationToken);

        // Act: two caption jobs changing the same folder at the same time.
        var exits = await Task.WhenAll(RunJobAsync(Input("clip.de.vtt"), cancellationToken), RunJobAsync(Input("clip.it.vtt"), cancellationToken));

        // Assert
        Assert.That(exits, Is.All.EqualTo(ExitCodes.Success));
        Assert.That(Manifest().Subtitles.Select(s => s.File).Order(), Is.EqualTo(new[] { "caption-de.vtt", "caption-it.vtt", "subtitles-2.vtt", "subtitles-3.vtt" }));
        Assert.That(HlsPlaylistsIn(await File.ReadAllTextAsync(Path.Combine(Folder, "master.m3u8"), cancellationToken)),
            Is.EquivalentTo(new[] { "subtitles-2.m3u8", "subtitles-3.m3u8", "caption-de.m3u8", "caption-it.m3u8" }));
    }

    private static IEnumerable<string> HlsPlaylistsIn(string master) =>
        master.Split('\n').Where(l => l.Contains("TYPE=SUBTITLES", StringComparison.Ordinal)).Select(l => l[(l.IndexOf("URI=\"", StringComparison.Ordinal) + 5)..^1]);
}
