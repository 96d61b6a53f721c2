using Microsoft.Extensions.Logging;
using Transcoder.Shared;
using Transcoder.Shared.Hosting;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Pipeline;

namespace Transcoder.TranscodeJob.Hosting;

/// <summary>
/// Runs the job once and says how the job ended (<see cref="JobEnd"/>): done, superseded, or failed with a
/// documented exit code, whose one line goes to stderr. It decides nothing about the message, the event or the
/// metrics: <see cref="JobReporter"/> turns the end into those.
/// </summary>
internal sealed class JobRunner(IJob job, ProcessConsole console, ProcessSignals shutdown, ILogger logger)
{
    /// <param name="printLocation">Whether to tell a person at a terminal where the outputs are.</param>
    public async Task<JobEnd> RunAsync(bool printLocation)
    {
        try
        {
            var outcome = await job.RunAsync(shutdown.Token);
            if (printLocation)
            {
                await console.Out.WriteLineAsync($"Outputs: {outcome.Location}");
            }

            return End(ExitCodes.Success, outcome.JobId) with { Outcome = outcome };
        }
        catch (SourceSupersededException superseded)
        {
            logger.LogInformation("Superseded, publishing nothing: {Reason}", superseded.Message);
            return End(ExitCodes.Success) with { Superseded = superseded, ReportedElsewhere = superseded.ReportedElsewhere };
        }
        catch (PartDoneException done)
        {
            logger.LogInformation("Part done: {What}", done.Message);
            return End(ExitCodes.Success) with { PartDone = done.Message };
        }
#pragma warning disable CA1031 // The edge of the program: every failure ends in an exit code and one line.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var (exitCode, line) = ExitCodeMapping.For(exception, shutdown.Token, shutdown.ExitCode);
            Log(exception, exitCode);
            await console.Error.WriteLineAsync(line);
            return End(exitCode) with { Error = exception.Message, ReportedElsewhere = exception is JobException { ReportedElsewhere: true } };
        }
    }

    private JobEnd End(int exitCode, string? jobId = null) =>
        new(exitCode, jobId ?? job.JobId ?? "unknown", null, null, null, job.SourceBytes);

    private void Log(Exception exception, int exitCode)
    {
        if (exitCode == ExitCodes.Unexpected)
        {
            // A bug: the stack trace belongs in the log, not in the operator's one line.
            logger.LogError(exception, "Unexpected error");
        }
        else if (exception is OperationCanceledException)
        {
            logger.LogWarning("Stopped by a signal; ffmpeg stopped and the workspace removed");
        }
        else
        {
            logger.LogError("{Error}", exception.Message);
        }
    }
}
