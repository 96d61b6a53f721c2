using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Transcoder.TranscodeJob.Chunks;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Tests.Support;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Tests.Chunks;

/// <summary>
/// A source encoded in chunks, each on its own and put in its place, against the same source encoded whole: the
/// stitched tracks have the same samples at the same times with the same keyframes, fragment for fragment.
/// </summary>
[Category("Integration")]
public sealed class ChunkEncodeIntegrationTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FfmpegRunner _runner = new(FfmpegPaths.Default, TimeSpan.FromSeconds(5));

    public void Dispose() => _temp.Dispose();

    [TestCase("mp4")]
    [TestCase("mkv")]
    [TestCase("ts")]
    [CancelAfter(180_000)]
    public async Task Chunks_NtscSourceCutBetweenItsKeyframes_StitchedTracksMatchTheWholeEncodePacketForPacket(string container, CancellationToken cancellationToken)
    {
        // Arrange: 12 s (360 frames at 29.97 fps) cut into 3 chunks of 4 s on the 2 s grid, between the source's
        // keyframes; in Matroska and MPEG-TS, the picture starts 21 ms in (the first chunk repeats its first frame as the
        // whole does); MPEG-TS has no index: 18 s in 3 chunks of 6 s, each seek lands after its one keyframe at 0, and the
        // last chunk reads 12 s ahead.
        var clip = container switch
        {
            "mkv" => Clips.NtscLongGopMatroska(),
            "ts" => Clips.NtscOneKeyframeTransportStream(),
            _ => Clips.NtscLongGop(),
        };
        var (probed, plan) = await LocalJob.PlanAsync(_runner, await clip, cancellationToken);
        var chunks = ChunkPlanner.Plan(plan.Plans, plan.Encoder, probed.Media.Duration, new SplitSettings(1, 4, 3));
        var grid = new KeyframeGrid(plan.Plans[0].FrameRate, plan.Encoder.GopSeconds);

        // Act
        var whole = await EncodeAsync(probed, plan, "whole", null, cancellationToken);
        var placed = new List<IReadOnlyList<PlacedTrack>>();
        foreach (var chunk in chunks)
        {
            placed.Add(ChunkPlacement.Place(await EncodeAsync(probed, plan, $"chunk{chunk.Index}", chunk, cancellationToken), chunk, grid));
        }

        // Assert
        Assert.That(chunks, Has.Count.EqualTo(3));
        if (container == "mp4")
        {
            Assert.That(chunks.Select(c => (c.FirstFrame, c.EndFrame)), Is.EqualTo(new[] { (0L, 120L), (120L, 240L), (240L, 360L) }));
        }

        foreach (var rendition in whole.Renditions)
        {
            var stitched = Stitch(placed.Select(tracks => tracks.Single(t => t.Name == rendition.Plan.Name)).ToList(), rendition.Plan.Name);
            Assert.That(await PacketsAsync(stitched), Is.EqualTo(await PacketsAsync(rendition.Path)), $"{rendition.Plan.Name}: pts, dts, duration, keyframe flag");
            var index = FragmentedMp4Reader.Read(stitched);
            Assert.That(index.Fragments.Select(f => f.Start), Is.EqualTo(FragmentedMp4Reader.Read(rendition.Path).Fragments.Select(f => f.Start)));
        }
    }

    private async Task<TranscodeJob.Encoding.EncodedLadder> EncodeAsync(
        ProbedSource probed, PlannedLadder plan, string name, ChunkRange? chunk, CancellationToken cancellationToken)
    {
        var workspace = JobWorkspace.Create(_temp.Combine(name), name);
        var options = new PipelineOptions(null, LocalJob.SmallLadder, _temp.Path, 1);
        var stage = new EncodeStage(_runner, new MediaProbe(_runner), options, NullLogger.Instance, TimeProvider.System);
        var result = chunk is null
            ? await stage.RunAsync(probed, plan, probed.Input.Path, workspace, cancellationToken)
            : await stage.RunChunkAsync(ChunkInput(probed, plan, chunk), probed.Media.Video!.Index, plan, chunk, probed.Input.Path, workspace, cancellationToken);
        return result.Ladder;
    }

    // The source as a chunk task opens it: with only the keyframes the split plan keeps for the chunks' seeks.
    private static SourceInput ChunkInput(ProbedSource probed, PlannedLadder plan, ChunkRange chunk) =>
        probed.Input with { SeekKeyframes = SplitPlan.SeekKeyframesFor(probed.Input, [chunk], plan.Grid) };

    // What the assembler does in S3: the first chunk whole, then every other chunk's bytes after its init section.
    private string Stitch(IReadOnlyList<PlacedTrack> parts, string name)
    {
        var path = _temp.Combine($"stitched-{name}.cmfv");
        using var output = File.Create(path);
        for (var i = 0; i < parts.Count; i++)
        {
            using var input = File.OpenRead(parts[i].Path);
            input.Position = i == 0 ? 0 : parts[i].Index.InitLength;
            input.CopyTo(output);
        }

        return path;
    }

    private static async Task<string> PacketsAsync(string path)
    {
        var start = new ProcessStartInfo("ffprobe", ["-v", "error", "-show_entries", "packet=pts,dts,duration,flags", "-of", "csv=p=0", path])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }
}
