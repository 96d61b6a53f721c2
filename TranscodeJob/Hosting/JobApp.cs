using System.CommandLine;
using Transcoder.Shared;
using Transcoder.Shared.Hosting;
using Transcoder.TranscodeJob.Settings;

namespace Transcoder.TranscodeJob.Hosting;

/// <summary>
/// The edge of the job: parses the command line and the settings, then runs the job (<see cref="JobRunner"/>) and
/// reports how it ended (<see cref="JobReporter"/>). Every outcome becomes a documented exit code and, on failure, one
/// clear line on stderr. Nothing below this class decides exit codes.
/// </summary>
internal static class JobApp
{
    public static async Task<int> RunAsync(
        string[] args, IReadOnlyDictionary<string, string> environment, ProcessConsole console, ProcessSignals shutdown)
    {
        var command = new JobCommand();
        command.Root.SetAction((parse, _) => RunJobAsync(command, command.Read(parse), environment, console, shutdown));
        var parse = command.Root.Parse(args);
        var exitCode = await parse.InvokeAsync(
            new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = null },
            shutdown.Token);
        return parse.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }

    private static async Task<int> RunJobAsync(
        JobCommand command, CliValues cli, IReadOnlyDictionary<string, string> environment, ProcessConsole console, ProcessSignals shutdown)
    {
        JobSettings settings;
        try
        {
            settings = JobSettingsResolver.Resolve(cli, environment);
        }
        catch (UsageException usage)
        {
            return await ReportUsageAsync(command, usage, environment, console);
        }

        var format = settings.LogFormat ?? (console.OutIsTerminal ? LogFormat.Text : LogFormat.Json);
        using var loggers = JobLogging.Create(format, settings.Verbose);
        var logger = loggers.CreateLogger("TranscodeJob");
        await using var lease = JobServices.CreateLease(settings.Lease, environment, loggers);
        lease.Start();

        var job = JobServices.CreateJob(settings, environment, console.ErrorIsTerminal ? console.Error : null, loggers);
        var end = await new JobRunner(job, console, shutdown, logger).RunAsync(printLocation: console.OutIsTerminal && format == LogFormat.Text);
        var reporter = new JobReporter(
            settings.Spec,
            () => JobServices.CreatePublisher(settings.Events, environment, loggers),
            settings.EmitMetrics && format == LogFormat.Json ? console.Out : null,
            lease,
            TimeProvider.System,
            logger);
        return await reporter.ReportAsync(end);
    }

    // Every problem, then the help; the message (if the job was given one) goes back towards the DLQ.
    private static async Task<int> ReportUsageAsync(
        JobCommand command, UsageException usage, IReadOnlyDictionary<string, string> environment, ProcessConsole console)
    {
        foreach (var problem in usage.Problems)
        {
            await console.Error.WriteLineAsync($"error: {problem}");
        }

        await console.Error.WriteLineAsync();
        await command.Root.Parse("--help").InvokeAsync(new InvocationConfiguration { Output = console.Error });
        if (JobSettingsResolver.TryResolveLease(environment) is { } orphan)
        {
            using var quiet = JobLogging.Create(LogFormat.Json, verbose: false);
            await using var orphanLease = JobServices.CreateLease(orphan, environment, quiet);
            await orphanLease.SettleAsync(ExitCodes.Usage);
        }

        return ExitCodes.Usage;
    }
}
