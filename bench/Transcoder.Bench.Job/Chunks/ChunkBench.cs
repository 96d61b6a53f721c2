using System.Globalization;
using System.Security.Cryptography;
using Transcoder.TranscodeJob.Chunks;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.Bench.Job.Chunks;

/// <summary>
/// A long source cut into chunks against one task, through the whole local pipeline: CPU, durations, the audio and the
/// picture at the seams, per-chunk wall times and the projection for a 2-hour film, and the cost of a chunk task
/// stopped mid-encode. One run of each on this machine; its two cores are shared, so the ratios matter, not the times.
/// </summary>
internal static class ChunkBench
{
    // What a Fargate task takes from RunTask to a running container with the image cached: an assumption, not measured here.
    private static readonly TimeSpan TaskStart = TimeSpan.FromSeconds(60);
    private const double FilmSeconds = 2 * 3600;
    private const int FilmChunks = 24;

    public static async Task RunAsync(bool quick, string scratch, CancellationToken cancellationToken)
    {
        var (width, height, seconds) = quick ? (640, 360, 60) : (1920, 1080, 600);
        var chunkSeconds = seconds / 5;
        var source = await BenchClip.GeneratedAsync(scratch, width, height, 30, seconds);
        Console.WriteLine();
        Console.WriteLine(Invariant($"Long source: {seconds} s of {width}x{height} at 30 fps with audio, default ladder, QUALITY=off, through the emulator and the dispatcher's local launcher"));

        var single = await PipelineRuns.RunAsync(source, scratch, "single", null, null, cancellationToken);
        var split = await PipelineRuns.RunAsync(source, scratch, "split", chunkSeconds, null, cancellationToken);
        Costs(single, split);
        await CompareAsync(single, split, source, seconds, chunkSeconds, scratch);
        Project(single, split, seconds);

        var chunkWall = split.Exits.Where(e => e.Chunk is not null).Select(e => e.Ended - e.Started).Order().ElementAt(2);
        var stopped = await PipelineRuns.RunAsync(source, scratch, "stopped", chunkSeconds, chunkWall / 2, cancellationToken);
        var retried = stopped.Exits.Where(e => e.ExitCode == Transcoder.Shared.ExitCodes.Terminated).ToList();
        Console.WriteLine(Invariant(
            $"Spot: a chunk task stopped with SIGTERM after {(chunkWall / 2).TotalSeconds:0} s ({retried.Count} stopped, {stopped.Exits.Count(e => e.Chunk is not null)} chunk processes in all): job {stopped.Wall.TotalSeconds:0} s wall against {split.Wall.TotalSeconds:0} s undisturbed, +{(stopped.Wall - split.Wall).TotalSeconds:0} s; a chunk's wall time is {chunkWall.TotalSeconds:0} s (median)"));
    }

    private static void Costs(PipelineRunResult single, PipelineRunResult split)
    {
        Console.WriteLine(Invariant($"one task:      {single.Wall.TotalSeconds,7:0.0} s wall, {single.Cpu.TotalSeconds,7:0.0} s CPU (the job process and its ffmpeg/ffprobe)"));
        Console.WriteLine(Invariant($"cut, 2 at once:{split.Wall.TotalSeconds,7:0.0} s wall, {split.Cpu.TotalSeconds,7:0.0} s CPU, {split.Cpu / single.Cpu:0.000}x the one task's (every process: the first task with its download, probe and audio, the chunks, the assembly)"));
        var first = split.Exits.Single(e => e.Chunk is null);
        Console.WriteLine(Invariant($"  first task: {(first.Ended - first.Started).TotalSeconds:0.0} s wall (download, probe, plan, chunks queued, then the audio and the poster)"));
        foreach (var exit in split.Exits.Where(e => e.Chunk is not null).OrderBy(e => e.Chunk!.Index))
        {
            Console.WriteLine(Invariant($"  {exit.Chunk!.Display}: {(exit.Ended - exit.Started).TotalSeconds,6:0.0} s wall, from {(exit.Started - first.Started).TotalSeconds,6:0.0} s"));
        }

        Console.WriteLine(Invariant($"  encode of each chunk (s): {string.Join(", ", split.SecondsLogged("Encoded chunk").Select(s => s.ToString("0.0", CultureInfo.InvariantCulture)))}; assembly: {split.SecondsLogged("assembled in").Single():0.0} s"));
    }

    private static async Task CompareAsync(PipelineRunResult single, PipelineRunResult split, string source, int seconds, int chunkSeconds, string scratch)
    {
        const double frame = 1.0 / 30;
        foreach (var (whole, cut) in single.Manifest.Renditions.Zip(split.Manifest.Renditions))
        {
            Console.WriteLine(Invariant($"  {cut.Name}: {cut.DurationSeconds:0.000} s against {whole.DurationSeconds:0.000} s ({Math.Abs(cut.DurationSeconds - whole.DurationSeconds) / frame:0.00} frame), {cut.Bitrate / 1000} kb/s against {whole.Bitrate / 1000}"));
        }

        var audio = Path.Combine(split.Folder, "audio.cmfa");
        var (worst, packets) = await SeamMeasures.AudioContinuityAsync(audio);
        var same = SHA256.HashData(File.ReadAllBytes(audio)).SequenceEqual(SHA256.HashData(File.ReadAllBytes(Path.Combine(single.Folder, "audio.cmfa"))));
        Console.WriteLine(Invariant($"  audio: one encode of the whole source, {(same ? "byte for byte" : "NOT")} the one task's; {packets} packets, largest gap or overlap {worst} samples (an AAC frame is 1024)"));

        var top = split.Manifest.Renditions[0].Track;
        var cutSsim = await SeamMeasures.SsimPerFrameAsync(Path.Combine(split.Folder, top), source, scratch);
        var wholeSsim = await SeamMeasures.SsimPerFrameAsync(Path.Combine(single.Folder, top), source, scratch);
        var grid = new KeyframeGrid(new Rational(30, 1), 2);
        var chunks = ChunkPlanner.Plan(TimeSpan.FromSeconds(seconds), cutSsim.Count, grid, new SplitSettings(30, chunkSeconds, 5));
        var median = cutSsim.Order().ElementAt(cutSsim.Count / 2);
        var seams = chunks.Skip(1).Select(c => (int)c.FirstFrame).ToList();
        // Every seam is a keyframe, and a keyframe is the best picture of its GOP under capped CRF, seam or not: the
        // same distance at the keyframes that are not seams says what the GOP structure does by itself.
        var keyframes = Enumerable.Range(1, cutSsim.Count / 60 - 1).Select(m => (int)grid.FrameOfMark(m)).Except(seams).ToList();
        Console.WriteLine(Invariant(
            $"  SSIM of {top} against the source, per frame: median {median:0.0000} (one task: {wholeSsim.Order().ElementAt(wholeSsim.Count / 2):0.0000}); at the {keyframes.Count} keyframes that are not seams, frames k-2..k+1 lie up to {keyframes.Max(k => Around(k, cutSsim.Count).Max(i => Math.Abs(cutSsim[i] - median))):0.0000} from it"));
        foreach (var seam in seams)
        {
            var around = Around(seam, cutSsim.Count);
            Console.WriteLine(Invariant(
                $"    seam at frame {seam} ({seam * frame:0.0} s): frames {around[0]}-{around[^1]} SSIM {Frames(cutSsim, around)}, largest distance from the median {around.Max(i => Math.Abs(cutSsim[i] - median)):0.0000}; one task there: {Frames(wholeSsim, around)}, largest difference {around.Max(i => Math.Abs(cutSsim[i] - wholeSsim[i])):0.0000}"));
        }
    }

    private static List<int> Around(int frame, int count) => [.. Enumerable.Range(frame - 2, 4).Where(i => i >= 0 && i < count)];

    private static string Frames(IReadOnlyList<double> ssim, IEnumerable<int> frames) =>
        string.Join(" ", frames.Select(i => ssim[i].ToString("0.0000", CultureInfo.InvariantCulture)));

    // The issue's formula, the longest chunk plus a task start plus the assembly, and the whole critical path, which
    // adds the first task's start, its download and probe, and the dispatch of the chunks. The machine is shared, so
    // the encode is projected from CPU time (which others' load does not inflate) spread over a task's 2 vCPUs.
    private static void Project(PipelineRunResult single, PipelineRunResult split, int seconds)
    {
        var cpuRate = single.Cpu.TotalSeconds / seconds / 2;
        var wallRate = single.SecondsLogged("Encoded the ladder").Single() / seconds;
        var assembly = split.SecondsLogged("assembled in").Single();
        var first = split.Exits.Single(e => e.Chunk is null);
        var queued = split.Exits.Where(e => e.Chunk is not null).Min(e => e.Started) - first.Started;
        var scale = FilmSeconds / seconds;
        var longest = FilmSeconds / FilmChunks * cpuRate;
        var formula = longest + TaskStart.TotalSeconds + assembly * scale;
        var path = TaskStart.TotalSeconds + queued.TotalSeconds * scale + formula;
        Console.WriteLine(Invariant($"Projection, 2-hour 1080p30 film on {FilmChunks} chunk tasks of 2 vCPU:"));
        Console.WriteLine(Invariant(
            $"  longest chunk: {FilmSeconds / FilmChunks:0} s of source x {cpuRate:0.000} s per s (the one task's CPU per second of source over 2 vCPUs; its wall here, on the shared machine, was {wallRate:0.000}) = {longest:0} s"));
        Console.WriteLine(Invariant($"  task start: {TaskStart.TotalSeconds:0} s (assumed: Fargate with the image cached); assembly: {assembly:0.0} s here x {scale:0} for that many times the bytes = {assembly * scale:0} s"));
        Console.WriteLine(Invariant($"  longest chunk + task start + assembly = {formula:0} s = {formula / 60:0.0} min (one task: {FilmSeconds * cpuRate / 60:0} min of encode alone)"));
        Console.WriteLine(Invariant($"  with the first task before it (its start, then {queued.TotalSeconds:0.0} s here to queue the chunks, x {scale:0}): {path:0} s = {path / 60:0.0} min"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
