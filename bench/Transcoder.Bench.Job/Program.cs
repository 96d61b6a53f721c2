using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Transcoder.Bench.Job;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Settings;
using Transcoder.TranscodeJob.Storage;

// Job benchmark: the whole pipeline (probe, four renditions, poster) in process, on the bundled sample and on a
// longer generated 1080p clip, at several parallelisms. Run:  dotnet run -c Release --project bench/Transcoder.Bench.Job
var secondsOption = new Option<int>("--long-seconds") { Description = "Length of the generated 1080p clip.", DefaultValueFactory = _ => 20 };
var parallelismOption = new Option<string>("--parallelism") { Description = "Comma list of parallelisms to measure; 1 is the naive one-after-another run.", DefaultValueFactory = _ => "1,2,3,4" };
var repeatOption = new Option<int>("--repeat") { Description = "Runs of each configuration; the fastest is kept.", DefaultValueFactory = _ => 1 };
var root = new RootCommand("Measures TranscodeJob's wall time against the CPU its ffmpeg processes use.") { secondsOption, parallelismOption, repeatOption };
root.SetAction(async (parse, cancellationToken) =>
{
    var repository = FindRepositoryRoot();
    var scratch = Path.Combine(Path.GetTempPath(), "transcoder-bench");
    var parallelisms = parse.GetValue(parallelismOption)!.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
    var clips = new (string Name, string Path)[]
    {
        ("sample (4 s)", BenchClip.Sample(repository)),
        ($"generated ({parse.GetValue(secondsOption)} s)", await BenchClip.LongAsync(scratch, parse.GetValue(secondsOption))),
    };

    Console.WriteLine($"cores: {Environment.ProcessorCount}, default parallelism: {JobSettingsResolver.DefaultParallelism(Environment.ProcessorCount)}, ladder: {string.Join(", ", Ladder.Default.Renditions.Select(r => r.Name))}, preset {Ladder.Default.Encoder.Preset}");
    Console.WriteLine();
    Console.WriteLine($"{"clip",-18} {"parallel",8} {"wall s",8} {"ffmpeg cpu s",13} {"wall/(cpu/cores)",17} {"vs naive",9}");
    foreach (var (name, path) in clips)
    {
        Measurement? naive = null;
        foreach (var parallelism in parallelisms)
        {
            var best = Enumerable.Range(0, Math.Max(1, parse.GetValue(repeatOption)))
                .Select(_ => MeasureAsync(name, path, parallelism, scratch, cancellationToken).GetAwaiter().GetResult())
                .MinBy(m => m.Wall)!;
            naive ??= parallelism == 1 ? best : null;
            var speedup = naive is null ? "" : $"{naive.Wall / best.Wall:0.00}x";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-18} {parallelism,8} {best.Wall.TotalSeconds,8:0.00} {best.FfmpegCpu.TotalSeconds,13:0.00} {best.WallOverBusyTime,17:0.00} {speedup,9}"));
        }
    }

    return 0;
});
return await root.Parse(args).InvokeAsync();

static async Task<Measurement> MeasureAsync(string name, string clip, int parallelism, string scratch, CancellationToken cancellationToken)
{
    var output = Path.Combine(scratch, $"out-{Guid.NewGuid():N}");
    try
    {
        var pipeline = new TranscodePipeline(
            new LocalSourceStore(new LocalInput(clip)),
            new LocalOutputStore(output),
            new FfmpegRunner(FfmpegPaths.Default, TimeSpan.FromSeconds(5)),
            new PipelineOptions(null, Ladder.Default, scratch, parallelism),
            NullLoggerFactory.Instance,
            TimeProvider.System);
        var cpuBefore = ChildCpuTime.Read();
        var clock = Stopwatch.StartNew();
        await pipeline.RunAsync(cancellationToken);
        clock.Stop();
        return new Measurement(name, parallelism, clock.Elapsed, ChildCpuTime.Read() - cpuBefore, Environment.ProcessorCount);
    }
    finally
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }
}

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Transcoder.sln")))
        {
            return directory.FullName;
        }
    }

    return Environment.CurrentDirectory;
}
