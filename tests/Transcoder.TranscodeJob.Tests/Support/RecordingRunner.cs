using System.Collections.Concurrent;
using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>The real runner, keeping every argument list it ran: what a test asserts about the processes a job starts.</summary>
internal sealed class RecordingRunner(IFfmpegRunner inner) : IFfmpegRunner
{
    private readonly ConcurrentQueue<(FfmpegTool Tool, IReadOnlyList<string> Arguments)> _runs = new();

    public IReadOnlyList<(FfmpegTool Tool, IReadOnlyList<string> Arguments)> Runs => [.. _runs];

    public Task<FfmpegResult> RunAsync(FfmpegTool tool, IReadOnlyList<string> arguments, Action<string>? onOutputLine, CancellationToken cancellationToken)
    {
        _runs.Enqueue((tool, arguments));
        return inner.RunAsync(tool, arguments, onOutputLine, cancellationToken);
    }
}
