using System.CommandLine;
using Transcoder.LocalPipeline;
using Transcoder.LocalAws;

// upload → S3 event → queue → Dispatcher (local launcher) → TranscodeJob → outputs, all on this machine.
// Run from the repository:  dotnet run --project LocalPipeline
var inputOption = new Option<FileInfo>("--input")
{
    Description = "The video to upload.",
    DefaultValueFactory = _ => new FileInfo(Path.Combine(RepoPaths.Samples, "sample-1080p.mp4")),
};
var keyOption = new Option<string?>("--key") { Description = "Its key in the temp bucket (default uploads/<file name>)." };
var outputOption = new Option<DirectoryInfo>("--output")
{
    Description = "Where the outputs are copied from the emulator's prod bucket.",
    DefaultValueFactory = _ => new DirectoryInfo("out/local-pipeline"),
};
var timeoutOption = new Option<int>("--timeout") { Description = "Seconds to wait for the job.", DefaultValueFactory = _ => 600 };
var keepOption = new Option<bool>("--keep-running") { Description = "Keep the emulator and dispatcher running after the job, until Ctrl-C." };
var maxJobsOption = new Option<int>("--max-jobs")
{
    Description = "Job processes at once (the dispatcher's LOCAL_MAX_JOBS): a long source's chunks run this many at a time.",
    DefaultValueFactory = _ => 2,
};
var root = new RootCommand("Runs the whole Transcoder pipeline locally (S3/SQS emulator, Dispatcher, TranscodeJob) on one video.")
{
    inputOption, keyOption, outputOption, timeoutOption, keepOption, maxJobsOption,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var input = parse.GetValue(inputOption)!;
    if (!input.Exists)
    {
        Console.Error.WriteLine($"LocalPipeline: no such file: {input.FullName}");
        return 2;
    }

    var runner = new PipelineRun(
        input,
        parse.GetValue(keyOption) ?? $"uploads/{input.Name}",
        parse.GetValue(outputOption)!,
        TimeSpan.FromSeconds(parse.GetValue(timeoutOption)),
        parse.GetValue(keepOption),
        Math.Max(1, parse.GetValue(maxJobsOption)));
    try
    {
        return await runner.RunAsync(cancellationToken);
    }
    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
    {
        Console.Error.WriteLine("LocalPipeline: interrupted; everything it started is stopped.");
        return 130;
    }
});
return await root.Parse(args).InvokeAsync();
