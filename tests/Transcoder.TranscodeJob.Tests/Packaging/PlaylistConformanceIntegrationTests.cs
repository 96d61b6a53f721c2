using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Transcoder.Shared;
using Transcoder.LocalAws;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Packaging;

/// <summary>
/// Every playlist and MPD the job writes, held to the RFC 8216 and ISO/IEC 23009-1 rules the packager relies on,
/// checked against the media files' own bytes (read here with ffprobe and a box walk of their own, not the
/// packager's reader): the bundled sample through the CLI and generated edge sources in process.
/// </summary>
[Category("Integration")]
public sealed partial class PlaylistConformanceIntegrationTests : IDisposable
{
    private static readonly XNamespace Dash = "urn:mpeg:dash:schema:mpd:2011";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Test]
    [CancelAfter(240_000)]
    public async Task Run_BundledSample_PlaylistsAndMpdConform(CancellationToken cancellationToken)
    {
        // Act
        await using var process = await JobProcess.RunAsync(
            ["--input", Path.Combine(RepoPaths.Samples, "sample-1080p.mp4"), "--output", _temp.Combine("out")], null, cancellationToken);
        Assert.That(await process.WaitForExitAsync(cancellationToken), Is.EqualTo(ExitCodes.Success), process.Stderr);

        // Assert
        await AssertConformsAsync(Directory.GetDirectories(_temp.Combine("out")).Single(), cancellationToken);
    }

    [TestCase("long")]
    [TestCase("silent")]
    [TestCase("half-second")]
    [TestCase("h264+av1")]
    [TestCase("three-languages")]
    [TestCase("audio-only")]
    [TestCase("audio-only-two-tracks")]
    [TestCase("subtitled")]
    [CancelAfter(180_000)]
    public async Task RunAsync_EdgeSource_PlaylistsAndMpdConform(string source, CancellationToken cancellationToken)
    {
        // Arrange: h264+av1 is the long source with an AV1 twin beside its top rung.
        var clip = source switch
        {
            "long" or "h264+av1" => await Clips.FourAndAHalfSeconds(),
            "silent" => await Clips.NoAudio(),
            "three-languages" => await Clips.ThreeLanguagesAndDescription(),
            "audio-only" => await Clips.Mp3WithCoverArt(),
            "audio-only-two-tracks" => await Clips.AudioOnlyTwoLanguages(),
            "subtitled" => await Clips.MatroskaWithSrtAndAss(),
            _ => await Clips.HalfSecond(),
        };

        // Act
        await LocalJob.Create(clip, _temp, source == "h264+av1" ? LocalJob.Av1Ladder : null).RunAsync(cancellationToken);

        // Assert
        await AssertConformsAsync(_temp.Combine("out"), cancellationToken);
    }

    private async Task AssertConformsAsync(string folder, CancellationToken cancellationToken)
    {
        var master = await File.ReadAllTextAsync(Path.Combine(folder, "master.m3u8"), cancellationToken);
        var peaks = new Dictionary<string, (double Peak, double Average, string Codec)>();
        var subtitlePeak = 0.0;
        foreach (var path in Directory.GetFiles(folder, "*.m3u8").Where(p => !p.EndsWith("master.m3u8", StringComparison.Ordinal)))
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            if (!text.Contains("#EXT-X-MAP:", StringComparison.Ordinal))
            {
                subtitlePeak = Math.Max(subtitlePeak, await AssertSubtitlePlaylistConformsAsync(text, folder, cancellationToken));
                continue;
            }

            var playlist = MediaPlaylist.Parse(text);
            var name = Path.GetFileName(path);
            var media = Path.Combine(folder, playlist.File);
            var bytes = await File.ReadAllBytesAsync(media, cancellationToken);

            // 4.3.3.1: TARGETDURATION >= every EXTINF rounded to the nearest integer.
            Assert.That(playlist.Segments.Max(s => Math.Round(s.Seconds, MidpointRounding.AwayFromZero)), Is.LessThanOrEqualTo(playlist.Target), name);
            Assert.That(playlist.Init.Offset, Is.Zero, name);
            Assert.That(BoxTypes(bytes, 0, playlist.Init.Length), Is.EqualTo(new[] { "ftyp", "moov" }), name);
            var codec = await CodecAsync(media, cancellationToken);
            if (playlist.IFramesOnly)
            {
                // Each range: a moof, its mdat's header and exactly one sample, the keyframe, decoded as such.
                foreach (var segment in playlist.Segments)
                {
                    Assert.That(System.Text.Encoding.ASCII.GetString(bytes, (int)segment.Offset + 4, 4), Is.EqualTo("moof"), name);
                    var frames = await FramesAsync(bytes, playlist.Init, segment, cancellationToken);
                    Assert.That(frames, Is.EqualTo(new[] { "K" }), $"{name} @{segment.Offset}: one keyframe");
                }
            }
            else
            {
                // Byte ranges tile the file after the init section, each a moof, each starting on a keyframe.
                var next = playlist.Init.Length;
                foreach (var segment in playlist.Segments)
                {
                    Assert.That(segment.Offset, Is.EqualTo(next), $"{name}: ranges follow each other");
                    Assert.That(BoxTypes(bytes, segment.Offset, segment.Length)[0], Is.EqualTo("moof"), name);
                    var frames = await FramesAsync(bytes, playlist.Init, segment, cancellationToken);
                    Assert.That(frames[0], Is.EqualTo("K"), $"{name} @{segment.Offset}: starts on a keyframe");
                    next = segment.Offset + segment.Length;
                }

                Assert.That(next, Is.EqualTo(bytes.Length), $"{name}: the ranges cover the file");
            }

            peaks[name] = (PeakSegmentBitRate(playlist), playlist.Segments.Sum(s => s.Length * 8.0) / playlist.Segments.Sum(s => s.Seconds), codec);
        }

        // The master: each variant's BANDWIDTH is its video's peak plus the largest peak in its audio group and the
        // largest subtitle track's, every combination a player can pick (4.3.4.2); an audio-only variant's, the largest
        // of its playlist and the group's. CODECS the tracks'.
        var audioGroup = MediaUri().Matches(master).Select(m => m.Groups["uri"].Value).ToList();
        var videoVariants = 0;
        foreach (Match variant in StreamInf().Matches(master))
        {
            var own = peaks[variant.Groups["uri"].Value];
            var audioOnly = own.Codec == "mp4a";
            var group = audioGroup.Select(name => peaks[name]).Concat(audioOnly ? [own] : []).ToList();
            var (peak, average) = (group.Select(a => a.Peak).DefaultIfEmpty(0).Max(), group.Select(a => a.Average).DefaultIfEmpty(0).Max());
            Assert.That(long.Parse(variant.Groups["bw"].Value, CultureInfo.InvariantCulture), Is.EqualTo((long)Math.Ceiling((audioOnly ? 0 : own.Peak) + peak + subtitlePeak)).Within(2), variant.Value);
            Assert.That(long.Parse(variant.Groups["avg"].Value, CultureInfo.InvariantCulture), Is.EqualTo((long)Math.Ceiling((audioOnly ? 0 : own.Average) + average + subtitlePeak)).Within(2), variant.Value);
            Assert.That(variant.Value, Does.Contain("CLOSED-CAPTIONS=NONE"), "4.3.4.2: the renditions carry no closed captions");
            var codecs = variant.Groups["codecs"].Value.Split(',');
            videoVariants += audioOnly ? 0 : 1;
            Assert.That(codecs[0], audioOnly ? Does.StartWith("mp4a.40.") : Is.EqualTo(own.Codec), variant.Value);
            Assert.That(codecs.Skip(audioOnly ? 0 : 1).SingleOrDefault(), group.Count == 0 ? Is.Null : Does.StartWith("mp4a.40."), variant.Value);
        }

        var iframes = IFrameStreamInf().Matches(master);
        Assert.That(iframes, Has.Count.EqualTo(videoVariants), "one I-frame playlist per video rendition");
        foreach (Match iframe in iframes)
        {
            var playlist = peaks[iframe.Groups["uri"].Value];
            Assert.That(long.Parse(iframe.Groups["bw"].Value, CultureInfo.InvariantCulture), Is.EqualTo((long)Math.Ceiling(playlist.Peak)).Within(1), iframe.Value);
        }

        await AssertMpdConformsAsync(Path.Combine(folder, "manifest.mpd"), folder, cancellationToken);
    }

    // ISO/IEC 23009-1, 5.3.5.2: delivered at @bandwidth from any segment start, with @minBufferTime buffered, no
    // segment arrives after its playout time; and at 1% less, some segment does (the figure is the lowest).
    private static async Task AssertMpdConformsAsync(string path, string folder, CancellationToken cancellationToken)
    {
        var mpd = XDocument.Load(path);
        var minBuffer = System.Xml.XmlConvert.ToTimeSpan((string)mpd.Root!.Attribute("minBufferTime")!).TotalSeconds;
        foreach (var representation in mpd.Descendants(Dash + "Representation"))
        {
            if ((string?)representation.Parent!.Attribute("contentType") == "text")
            {
                // A side-loaded WebVTT file: the whole file, its bandwidth its bits over the presentation.
                Assert.That((string?)representation.Parent.Attribute("mimeType"), Is.EqualTo("text/vtt"));
                Assert.That(File.Exists(Path.Combine(folder, (string)representation.Element(Dash + "BaseURL")!)), Is.True);
                continue;
            }

            var list = representation.Element(Dash + "SegmentList")!;
            var timescale = (long)list.Attribute("timescale")!;
            var durations = list.Descendants(Dash + "S").Select(s => (long)s.Attribute("d")! / (double)timescale).ToList();
            var ranges = list.Elements(Dash + "SegmentURL").Select(s => ((string)s.Attribute("mediaRange")!).Split('-').Select(long.Parse).ToArray()).ToList();
            var file = new FileInfo(Path.Combine(folder, (string)representation.Element(Dash + "BaseURL")!)).Length;
            Assert.That(ranges[^1][1] + 1, Is.EqualTo(file));
            var bits = ranges.Select(r => (r[1] - r[0] + 1) * 8.0).ToList();
            var bandwidth = (long)representation.Attribute("bandwidth")!;
            Assert.That(PlaysThrough(bits, durations, minBuffer, bandwidth), Is.True, $"{representation.Attribute("id")} at its @bandwidth");
            Assert.That(PlaysThrough(bits, durations, minBuffer, bandwidth * 0.99), Is.False, $"{representation.Attribute("id")}: @bandwidth is not the lowest");
            var codec = await CodecAsync(Path.Combine(folder, (string)representation.Element(Dash + "BaseURL")!), cancellationToken);
            Assert.That((string)representation.Attribute("codecs")!, codec.StartsWith("mp4a", StringComparison.Ordinal) ? Does.StartWith("mp4a.40.") : Is.EqualTo(codec));
        }

        // One video AdaptationSet per codec: a player switching within a set never changes decoder.
        foreach (var set in mpd.Descendants(Dash + "AdaptationSet").Where(s => (string?)s.Attribute("contentType") == "video"))
        {
            Assert.That(set.Elements(Dash + "Representation").Select(r => ((string)r.Attribute("codecs")!)[..4]).Distinct().Count(), Is.EqualTo(1), "one codec per set");
        }
    }

    // RFC 8216 3.5 and 4.3.3.1: one WebVTT segment, the whole file, within its target duration; returns its bit rate.
    private static async Task<double> AssertSubtitlePlaylistConformsAsync(string playlist, string folder, CancellationToken cancellationToken)
    {
        var lines = playlist.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var target = long.Parse(lines.Single(l => l.StartsWith("#EXT-X-TARGETDURATION:", StringComparison.Ordinal))[22..], CultureInfo.InvariantCulture);
        var seconds = double.Parse(lines.Single(l => l.StartsWith("#EXTINF:", StringComparison.Ordinal))[8..].TrimEnd(','), CultureInfo.InvariantCulture);
        var file = lines.Single(l => !l.StartsWith('#'));
        Assert.That(Math.Round(seconds, MidpointRounding.AwayFromZero), Is.LessThanOrEqualTo(target), file);
        Assert.That(lines[^1], Is.EqualTo("#EXT-X-ENDLIST"));
        var vtt = await File.ReadAllBytesAsync(Path.Combine(folder, file), cancellationToken);
        Assert.That(System.Text.Encoding.UTF8.GetString(vtt), Does.StartWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n"), file);
        return vtt.Length * 8.0 / seconds;
    }

    private static bool PlaysThrough(List<double> bits, List<double> seconds, double minBuffer, double rate)
    {
        for (var first = 0; first < bits.Count; first++)
        {
            double arrived = 0, playout = minBuffer;
            for (var segment = first; segment < bits.Count; segment++)
            {
                arrived += bits[segment] / rate;
                if (arrived > playout + 1e-9)
                {
                    return false;
                }

                playout += seconds[segment];
            }
        }

        return true;
    }

    // RFC 8216, 4.1: the largest bit rate of a run of segments lasting 0.5 to 1.5 times the target duration.
    private static double PeakSegmentBitRate(MediaPlaylist playlist)
    {
        var segments = playlist.Segments;
        double peak = 0;
        for (var first = 0; first < segments.Count; first++)
        {
            for (var count = 1; first + count <= segments.Count; count++)
            {
                var run = segments.Skip(first).Take(count).ToList();
                var seconds = run.Sum(s => s.Seconds);
                if (seconds > 1.5 * playlist.Target)
                {
                    break;
                }

                if (seconds >= 0.5 * playlist.Target)
                {
                    peak = Math.Max(peak, run.Sum(s => s.Length * 8.0) / seconds);
                }
            }
        }

        return peak > 0 ? peak : segments.Sum(s => s.Length * 8.0) / segments.Sum(s => s.Seconds);
    }

    private static List<string> BoxTypes(byte[] file, long from, long length)
    {
        var types = new List<string>();
        for (var at = from; at < from + length;)
        {
            types.Add(System.Text.Encoding.ASCII.GetString(file, (int)at + 4, 4));
            at += BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan((int)at));
            Assert.That(at, Is.LessThanOrEqualTo(from + length), "a box crosses the range's end");
        }

        return types;
    }

    /// <summary>The frames ffprobe decodes from the init section followed by one byte range: K for a keyframe, _ else.</summary>
    private async Task<List<string>> FramesAsync(byte[] file, ByteRange init, ByteRange range, CancellationToken cancellationToken)
    {
        var path = _temp.Combine($"range-{range.Offset}.mp4");
        await using (var output = File.Create(path))
        {
            await output.WriteAsync(file.AsMemory((int)init.Offset, (int)init.Length), cancellationToken);
            await output.WriteAsync(file.AsMemory((int)range.Offset, (int)range.Length), cancellationToken);
        }

        var csv = await FfprobeAsync(["-v", "quiet", "-show_entries", "frame=key_frame", "-of", "csv=p=0", path], cancellationToken);
        File.Delete(path);
        return [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.TrimEnd(',') == "1" ? "K" : "_")];
    }

    /// <summary>
    /// The track's codec as RFC 6381 writes it, from what ffprobe reads in the file: H.264's profile and level
    /// (avc1.PPCCLL, constraint flags 00 for the High profile x264 writes), AV1's profile, level and 8 bits, main tier
    /// (av01.P.LLM.08); for audio the codec name.
    /// </summary>
    private static async Task<string> CodecAsync(string path, CancellationToken cancellationToken)
    {
        var fields = (await FfprobeAsync(["-v", "error", "-select_streams", "0", "-show_entries", "stream=codec_name,profile,level", "-of", "csv=p=0", path], cancellationToken))
            .Trim().TrimEnd(',').Split(',');
        var level = fields.Length > 2 && int.TryParse(fields[2], CultureInfo.InvariantCulture, out var number) ? number : 0;
        return fields[0] switch
        {
            "h264" when fields[1] == "High" => string.Create(CultureInfo.InvariantCulture, $"avc1.6400{level:x2}"),
            "av1" when fields[1] == "Main" => string.Create(CultureInfo.InvariantCulture, $"av01.0.{level:d2}M.08"),
            var name => name == "aac" ? "mp4a" : name,
        };
    }

    // Not MediaFacts: an I-frame range is a prefix of its fragment, and ffprobe reports the trun's other samples
    // missing (exit code non-zero) after decoding the keyframe, which is the check.
    private static async Task<string> FfprobeAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        _ = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return await output;
    }

    [GeneratedRegex("#EXT-X-STREAM-INF:BANDWIDTH=(?<bw>\\d+),AVERAGE-BANDWIDTH=(?<avg>\\d+),CODECS=\"(?<codecs>[^\"]+)\"[^\\n]*\\n(?<uri>[^\\n]+)")]
    private static partial Regex StreamInf();

    [GeneratedRegex("#EXT-X-MEDIA:TYPE=AUDIO,[^\\n]*URI=\"(?<uri>[^\"]+)\"")]
    private static partial Regex MediaUri();

    [GeneratedRegex("#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=(?<bw>\\d+),[^\\n]*URI=\"(?<uri>[^\"]+)\"")]
    private static partial Regex IFrameStreamInf();

    private record ByteRange(long Offset, long Length);

    private sealed record Segment(double Seconds, long Offset, long Length) : ByteRange(Offset, Length);

    private sealed record MediaPlaylist(long Target, bool IFramesOnly, string File, ByteRange Init, List<Segment> Segments)
    {
        public static MediaPlaylist Parse(string text)
        {
            long target = 0;
            var iframes = false;
            ByteRange? init = null;
            string? file = null;
            var segments = new List<Segment>();
            double seconds = 0;
            long offset = 0, length = 0;
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.StartsWith("#EXT-X-TARGETDURATION:", StringComparison.Ordinal)) target = long.Parse(line[22..], CultureInfo.InvariantCulture);
                else if (line == "#EXT-X-I-FRAMES-ONLY") iframes = true;
                else if (MapLine().Match(line) is { Success: true } map)
                {
                    file = map.Groups["uri"].Value;
                    init = new ByteRange(long.Parse(map.Groups["o"].Value, CultureInfo.InvariantCulture), long.Parse(map.Groups["n"].Value, CultureInfo.InvariantCulture));
                }
                else if (line.StartsWith("#EXTINF:", StringComparison.Ordinal)) seconds = double.Parse(line[8..].TrimEnd(','), CultureInfo.InvariantCulture);
                else if (line.StartsWith("#EXT-X-BYTERANGE:", StringComparison.Ordinal))
                {
                    var parts = line[17..].Split('@');
                    (length, offset) = (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
                }
                else if (!line.StartsWith('#'))
                {
                    Assert.That(line, Is.EqualTo(file), "every segment in the track's one file");
                    segments.Add(new Segment(seconds, offset, length));
                }
            }

            return new MediaPlaylist(target, iframes, file!, init!, segments);
        }
    }

    [GeneratedRegex("^#EXT-X-MAP:URI=\"(?<uri>[^\"]+)\",BYTERANGE=\"(?<n>\\d+)@(?<o>\\d+)\"$")]
    private static partial Regex MapLine();
}
