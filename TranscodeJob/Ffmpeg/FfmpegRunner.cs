using System.Collections.Concurrent;
using System.ComponentModel;
using CliWrap;
using Transcoder.Shared.Hosting;
using Transcoder.TranscodeJob.Errors;

namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>The only class that touches CliWrap: argument lists in, exit code and stderr tail out.</summary>
/// <param name="gracePeriod">How long ffmpeg gets to stop after SIGINT before it is killed.</param>
/// <param name="toolEnvironment">
/// Variables set for every run on top of this process's environment; by default <see cref="AllocatorTuning"/>'s for
/// this process's environment.
/// </param>
internal sealed class FfmpegRunner(FfmpegPaths paths, TimeSpan gracePeriod, IReadOnlyDictionary<string, string?>? toolEnvironment = null) : IFfmpegRunner
{
    private const int StderrLinesKept = 12;
    private const int FirstErrorsKept = 8;

    private readonly IReadOnlyDictionary<string, string?> _toolEnvironment = toolEnvironment ?? AllocatorTuning.For(EnvironmentSnapshot.Current());

    public async Task<FfmpegResult> RunAsync(
        FfmpegTool tool,
        IReadOnlyList<string> arguments,
        Action<string>? onOutputLine,
        CancellationToken cancellationToken)
    {
        var stderr = new LineTail(StderrLinesKept);
        var firstErrors = new ConcurrentQueue<string>();
        var command = Cli.Wrap(paths.For(tool))
            .WithArguments(arguments)
            .WithEnvironmentVariables(_toolEnvironment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => onOutputLine?.Invoke(line)))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line =>
            {
                stderr.Add(line);
                if (firstErrors.Count < FirstErrorsKept && FfmpegErrors.IsErrorLine(line))
                {
                    firstErrors.Enqueue(line.Trim());
                }
            }));

        // Graceful first: CliWrap sends SIGINT on the graceful token, so ffmpeg finishes writing what it can and
        // exits; the forceful token kills it if it has not gone after the grace period.
        using var forceful = new CancellationTokenSource();
        await using var escalate = cancellationToken.Register(() => forceful.CancelAfter(gracePeriod));

        try
        {
            var result = await command.ExecuteAsync(forceful.Token, cancellationToken);
            return new FfmpegResult(result.ExitCode, stderr.ToList()) { FirstErrors = [.. firstErrors] };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"{tool} stopped", cancellationToken);
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException)
        {
            // Not retryable in itself, but the task image is what is broken, not the input: exit 4 puts the message
            // back so it is not lost, and it reaches the DLQ if nobody fixes the image.
            throw JobException.Transient(
                $"cannot start {paths.For(tool)}: install ffmpeg (apt-get install ffmpeg) or set FFMPEG_PATH/FFPROBE_PATH",
                exception);
        }
    }
}
