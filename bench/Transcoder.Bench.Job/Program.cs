using System.CommandLine;
using System.Globalization;
using Amazon.S3.Transfer;
using Microsoft.Extensions.Logging.Abstractions;
using Transcoder.Bench.Job;
using Transcoder.LocalAws;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Storage;

// Job benchmark, one run of each, on this machine:
//  1. the job (default encode mode, fixed ladder unless --ladder-mode per-title, no quality measurement) against what
//     a user would run instead, with the same encoder settings: the naive
//     one-ffmpeg-per-rung and the hand-written single ffmpeg (HandWritten.cs), on the bundled sample, a
//     generated 30 s 1080p clip with noise and a generated 15 s 2160p clip;
//  2. the ffmpeg processes' peak memory on a 2160p60 source (what a 2 vCPU / 4 GiB Fargate task must hold);
//  3. the share of the job's wall time spent outside encoding for a 1-minute source through the S3 emulator;
//  4. (--parts chunks, about an hour) a 10-minute 1080p30 source cut into 5 chunks run 2 at a time through the whole
//     local pipeline against one task (Chunks/ChunkBench.cs).
// Run:  dotnet run -c Release --project bench/Transcoder.Bench.Job [-- --quick] [-- --parts chunks]
var quickOption = new Option<bool>("--quick") { Description = "Short generated clips (a smoke run of the benchmark, not figures to quote)." };
var modeOption = new Option<string>("--encode-mode") { Description = "The job's encode mode: single or per-rendition.", DefaultValueFactory = _ => "single" };
var ladderOption = new Option<string>("--ladder-mode") { Description = "The job's ladder mode: fixed (the hand-written commands' settings) or per-title (the analysis and each rung's own CRF).", DefaultValueFactory = _ => "fixed" };
var partsOption = new Option<string>("--parts") { Description = "Comma list of parts to run: compare, memory, emulator, chunks.", DefaultValueFactory = _ => "compare,memory,emulator" };
var root = new RootCommand("Measures TranscodeJob against the ffmpeg commands a user would write by hand.") { quickOption, modeOption, ladderOption, partsOption };
root.SetAction(async (parse, cancellationToken) =>
{
    var quick = parse.GetValue(quickOption);
    var mode = new JobShape(
        parse.GetValue(modeOption) == "per-rendition" ? EncodeMode.PerRendition : EncodeMode.Single,
        parse.GetValue(ladderOption) == "per-title" ? LadderMode.PerTitle : LadderMode.Fixed);
    var parts = parse.GetValue(partsOption)!.Split(',', StringSplitOptions.TrimEntries);
    var scratch = Path.Combine(Path.GetTempPath(), "transcoder-bench");
    Directory.CreateDirectory(scratch);
    Console.WriteLine($"cores {Environment.ProcessorCount}; ladder {string.Join(", ", Ladder.Default.Renditions.Select(r => r.Name))}, x264 {Ladder.Default.Encoder.Preset} CRF {Ladder.Default.Encoder.Crf}; job encode mode {mode.Encode}, ladder mode {mode.Ladder}, quality measurement off");
    if (parts.Contains("compare"))
    {
        await CompareAsync(quick, mode, scratch, cancellationToken);
    }

    if (parts.Contains("memory"))
    {
        await MemoryAsync(quick, mode, scratch, cancellationToken);
    }

    if (parts.Contains("emulator"))
    {
        var minute = await BenchClip.GeneratedAsync(scratch, 1920, 1080, 30, quick ? 10 : 60);
        var (total, encode) = await RunThroughEmulatorAsync(minute, scratch, mode, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(quick ? 10 : 60)} s 1080p through the S3 emulator: {total.TotalSeconds:0.0} s wall, encoding {encode.TotalSeconds:0.0} s, outside encoding {(total - encode).TotalSeconds:0.0} s = {(total - encode) / total:P1} (download, probe, storyboard VTT, packaging, progressive copies, poster, upload, manifest)"));
    }

    if (parts.Contains("chunks"))
    {
        await Transcoder.Bench.Job.Chunks.ChunkBench.RunAsync(quick, scratch, cancellationToken);
    }

    return 0;
});
return await root.Parse(args).InvokeAsync();

static async Task CompareAsync(bool quick, JobShape mode, string scratch, CancellationToken cancellationToken)
{
    var sources = new (string Name, string Path)[]
    {
        ("sample 1080p30 4 s", BenchClip.Sample(RepoPaths.Root)),
        (quick ? "1080p30 noise 6 s" : "1080p30 noise 30 s", await BenchClip.GeneratedAsync(scratch, 1920, 1080, 30, quick ? 6 : 30)),
        (quick ? "2160p30 noise 3 s" : "2160p30 noise 15 s", await BenchClip.GeneratedAsync(scratch, 3840, 2160, 30, quick ? 3 : 15)),
    };

    Console.WriteLine("CPU = user + system time of the ffmpeg/ffprobe processes (getrusage of reaped children)");
    Console.WriteLine();
    Console.WriteLine($"{"source",-20} {"job wall/cpu s",16} {"naive wall/cpu s",18} {"single wall/cpu s",19} {"job/single wall",16} {"job/single cpu",15} {"naive/job wall",15}");
    foreach (var (name, path) in sources)
    {
        var fps = 30.0;
        var job = await Measurement.OfAsync(() => RunLocalJobAsync(path, scratch, mode, cancellationToken));
        var naive = await Measurement.OfAsync(() => HandWritten.NaiveAsync(path, fps, scratch));
        var single = await Measurement.OfAsync(() => HandWritten.SingleAsync(path, fps, scratch));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-20} {Pair(job),16} {Pair(naive),18} {Pair(single),19} {job.Wall / single.Wall,15:0.00}x {job.Cpu / single.Cpu,14:0.00}x {naive.Wall / job.Wall,14:0.00}x"));
    }

}

static async Task MemoryAsync(bool quick, JobShape mode, string scratch, CancellationToken cancellationToken)
{
    Console.WriteLine();
    var uhd60 = await BenchClip.GeneratedAsync(scratch, 3840, 2160, 60, quick ? 2 : 5);
    var memory = PeakRss.Start();
    Measurement run;
    try
    {
        run = await Measurement.OfAsync(() => RunLocalJobAsync(uhd60, scratch, mode, cancellationToken));
    }
    finally
    {
        await memory.DisposeAsync();
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"2160p60 ({(quick ? 2 : 5)} s), default ladder: ffmpeg peak RSS {memory.PeakMib} MiB (sampled every 50 ms); this process's RSS {Environment.WorkingSet / 1048576} MiB; {run.Wall.TotalSeconds:0.0} s wall"));
}

static string Pair(Measurement m) => string.Create(CultureInfo.InvariantCulture, $"{m.Wall.TotalSeconds:0.0}/{m.Cpu.TotalSeconds:0.0}");

static async Task RunLocalJobAsync(string clip, string scratch, JobShape mode, CancellationToken cancellationToken)
{
    var output = Path.Combine(scratch, $"out-{Guid.NewGuid():N}");
    try
    {
        await Pipeline(new LocalSourceStore(new LocalInput(clip)), new LocalOutputStore(output), scratch, mode).RunAsync(cancellationToken);
    }
    finally
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }
}

static async Task<(TimeSpan Total, TimeSpan Encode)> RunThroughEmulatorAsync(string clip, string scratch, JobShape mode, CancellationToken cancellationToken)
{
    await using var emulator = await FauxqsEmulator.StartAsync(cancellationToken);
    using var s3 = emulator.CreateS3Client();
    await s3.PutBucketAsync("bench-in", cancellationToken);
    await s3.PutBucketAsync("bench-out", cancellationToken);
    using (var transfer = new TransferUtility(s3))
    {
        await transfer.UploadAsync(clip, "bench-in", "uploads/minute.mp4", cancellationToken);
    }

    var input = new S3Input("bench-in", "uploads/minute.mp4");
    var pipeline = Pipeline(
        new S3SourceStore(s3, input, NullLogger<S3SourceStore>.Instance),
        new S3OutputStore(s3, "bench-out", $"renditions/{input.OutputFolderName}/"),
        scratch,
        mode);
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var outcome = await pipeline.RunAsync(cancellationToken);
    return (clock.Elapsed, outcome.EncodeTime);
}

static TranscodePipeline Pipeline(ISourceStore source, IOutputStore output, string scratch, JobShape mode) =>
    new(
        source,
        output,
        new FfmpegRunner(FfmpegPaths.Default, TimeSpan.FromSeconds(5)),
        new PipelineOptions(null, Ladder.Default with { Mode = mode.Ladder }, scratch, 2) { EncodeMode = mode.Encode, MeasureQuality = false },
        NullLoggerFactory.Instance,
        TimeProvider.System);
