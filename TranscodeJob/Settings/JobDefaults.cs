using System.Globalization;
using Transcoder.Shared;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Settings;

/// <summary>
/// Every default of the job's settings, in one place: the resolver, the help text and the options table of docs/job.md
/// (checked by a test) all take them from here.
/// </summary>
internal static class JobDefaults
{
    public const int MaxParallelism = 16;

    /// <summary>One decode for the whole ladder: chosen by bench/Transcoder.Bench.Job (bench/README.md).</summary>
    public const EncodeMode EncodeMode = Encoding.EncodeMode.Single;

    /// <summary>The names <c>ENCODE_MODE</c> and <c>--encode-mode</c> take.</summary>
    public static IReadOnlyDictionary<string, EncodeMode> EncodeModes { get; } = new Dictionary<string, EncodeMode>
    {
        ["single"] = Encoding.EncodeMode.Single,
        ["per-rendition"] = Encoding.EncodeMode.PerRendition,
    };

    public static string EncodeModeName => EncodeModes.Single(m => m.Value == EncodeMode).Key;

    /// <summary>The ladder mode when neither the options nor the ladder file choose: see <see cref="LadderModes.Default"/>.</summary>
    public const LadderMode LadderMode = LadderModes.Default;

    public static string LadderModeName => LadderModes.Name(LadderMode);

    /// <summary>
    /// Four hours: a feature film or a long recording fits; an upload whose timestamps claim days is refused before it
    /// costs anything. Raise it (and the task's disk) for longer sources.
    /// </summary>
    public const int MaxSourceSeconds = 4 * 3600;

    /// <summary>
    /// Quality measured by default: sampled windows keep it a small share of the encode's CPU (bench/README.md), and
    /// without it nobody knows what a rendition delivered.
    /// </summary>
    public const string Quality = "on";

    /// <summary>One EMF line per job when the logs are JSON (in a container).</summary>
    public const string Metrics = "emf";

    /// <summary>Information-level logs.</summary>
    public const bool Verbose = false;

    /// <summary>How often the job extends its message's visibility; each heartbeat extends by three intervals.</summary>
    public const int HeartbeatSeconds = 60;

    /// <summary>
    /// Two ffmpeg processes at a time in per-rendition mode. Measured with
    /// bench/Transcoder.Bench.Job on a 2-core machine when per-rendition was the only mode: one after another left
    /// cores idle on the smaller rungs, two was 15-25% faster, three or four added only memory. The default single
    /// pass decodes once and keeps every core busy by itself.
    /// </summary>
    public static int Parallelism(int cores) => cores <= 1 ? 1 : 2;

    /// <summary>The folder the temporary workspace goes under when none is given.</summary>
    public static string WorkDir => Path.GetTempPath();

    /// <summary>The documented value of each default above, as docs/job.md's options table writes it (for a machine with cores to spare).</summary>
    public static IReadOnlyDictionary<string, string> Documented { get; } = new Dictionary<string, string>
    {
        [JobEnvironment.EncodeMode] = EncodeModeName,
        [JobEnvironment.MaxSourceSeconds] = MaxSourceSeconds.ToString(CultureInfo.InvariantCulture),
        [JobEnvironment.MaxPixelsPerFrame] = Limits.SourceLimits.DefaultMaxPixelsPerFrame.ToString(CultureInfo.InvariantCulture),
        [JobEnvironment.MaxPixelsPerSecond] = Limits.SourceLimits.DefaultMaxPixelsPerSecond.ToString(CultureInfo.InvariantCulture),
        [JobEnvironment.MaxFrameRate] = Limits.SourceLimits.DefaultMaxFrameRate.ToString(CultureInfo.InvariantCulture),
        [JobEnvironment.MaxSourceFrames] = Limits.SourceLimits.DefaultMaxFrames.ToString(CultureInfo.InvariantCulture),
        [JobEnvironment.Parallelism] = Parallelism(cores: 2).ToString(CultureInfo.InvariantCulture),
        [JobEnvironment.HeartbeatSeconds] = HeartbeatSeconds.ToString(CultureInfo.InvariantCulture),
        [JobEnvironment.Formats] = StreamingFormatList.Format(JobSpec.DefaultFormats),
        [JobEnvironment.Codecs] = VideoCodecList.Format(Renditions.Ladder.Default.Codecs),
        [JobEnvironment.Verbose] = Verbose ? "true" : "false",
        [JobEnvironment.Metrics] = Metrics,
        [JobEnvironment.Quality] = Quality,
        [JobEnvironment.LadderMode] = LadderModeName,
        [JobEnvironment.SplitAboveSeconds] = Chunks.SplitSettings.DefaultAboveSeconds.ToString(CultureInfo.InvariantCulture),
        [JobEnvironment.ChunkSeconds] = Chunks.SplitSettings.DefaultChunkSeconds.ToString(CultureInfo.InvariantCulture),
        [JobEnvironment.MaxChunks] = Chunks.SplitSettings.DefaultMaxChunks.ToString(CultureInfo.InvariantCulture),
    };
}
