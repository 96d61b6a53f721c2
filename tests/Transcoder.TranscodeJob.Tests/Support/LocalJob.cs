using Microsoft.Extensions.Logging.Abstractions;
using Transcoder.Shared.Outputs;
using Transcoder.Testing;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Limits;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>The whole pipeline in process on a local file, with real ffmpeg: what the pipeline tests run.</summary>
internal static class LocalJob
{
    /// <summary>Rungs sized for 320x180 test clips: the default ladder's logic with a tenth of the pixels.</summary>
    public static readonly Ladder SmallLadder = new(
        [new("360p", 360, 800, 96), new("144p", 144, 200, 64), new("96p", 96, 120, 64)],
        new EncoderSettings());

    /// <summary>
    /// <see cref="SmallLadder"/>'s shape with AV1 asked for: the 180p rung has an AV1 twin, the 96p one none. A 1.25 s
    /// GOP at 30 fps is 37.5 frames: x264 takes the forced keyframes (frames 0, 38, 75, 113) where a fixed GOP of 38
    /// frames would put 76 and 114, so an AV1 twin is on the H.264 keyframes only if SVT-AV1 honours the forced ones.
    /// </summary>
    public static readonly Ladder Av1Ladder = new(
        [new("180p", 180, 400, 64) { Av1Kbps = 250 }, new("96p", 96, 150, 64)],
        new EncoderSettings(GopSeconds: 1.25) { Av1 = new Av1Settings(Preset: 12, Crf: 40) })
    {
        Codecs = VideoCodecs.H264 | VideoCodecs.Av1,
    };

    /// <summary>
    /// The probe and the fixed plan of <paramref name="clip"/> with <see cref="SmallLadder"/>, as the pipeline's first
    /// stages make them, for a test that runs a later stage by itself.
    /// </summary>
    public static async Task<(ProbedSource Probed, PlannedLadder Plan)> PlanAsync(IFfmpegRunner runner, string clip, CancellationToken cancellationToken)
    {
        var input = new SourceInput(clip, SourceLimits.DefaultMaxPixelsPerFrame);
        var media = await new MediaProbe(runner).ProbeSourceAsync(input, clip, cancellationToken);
        var plans = new LadderPlanner(SmallLadder).PlanFor(media);
        return (ProbedSource.Of(input, media), new PlannedLadder(plans, AudioTracks.None, SmallLadder.Encoder));
    }

    /// <param name="folder">Outputs go to <c>out</c> below it, the workspace to <c>work</c>.</param>
    public static TranscodePipeline Create(
        string input,
        TempFolder folder,
        Ladder? ladder = null,
        int parallelism = 2,
        Func<PipelineOptions, PipelineOptions>? options = null,
        FfmpegPaths? tools = null,
        Func<IFfmpegRunner, IFfmpegRunner>? runner = null)
    {
        var settings = new PipelineOptions(null, ladder ?? SmallLadder, folder.Combine("work"), parallelism);
        var ffmpeg = new FfmpegRunner(tools ?? FfmpegPaths.Default, TimeSpan.FromSeconds(5));
        return new TranscodePipeline(
            new LocalSourceStore(new LocalInput(input)),
            new LocalOutputStore(folder.Combine("out")),
            runner?.Invoke(ffmpeg) ?? ffmpeg,
            options?.Invoke(settings) ?? settings,
            NullLoggerFactory.Instance,
            TimeProvider.System);
    }

    /// <summary>The job on <paramref name="input"/>, its manifest checked against the committed schema as written.</summary>
    public static async Task<JobManifest> RunCheckedAsync(
        string input, TempFolder folder, CancellationToken cancellationToken, Ladder? ladder = null, Func<PipelineOptions, PipelineOptions>? options = null)
    {
        var outcome = await Create(input, folder, ladder, options: options).RunAsync(cancellationToken);
        var written = await File.ReadAllTextAsync(folder.Combine("out", JobManifest.FileName), cancellationToken);
        Assert.That(OutputSchemas.Problems(OutputSchemas.ManifestFile, written), Is.Empty);
        return outcome.Manifest;
    }
}
