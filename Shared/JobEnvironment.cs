namespace Transcoder.Shared;

/// <summary>
/// Names of the environment variables that carry a job from the dispatcher (ECS container overrides or the
/// local launcher) to TranscodeJob. Every TranscodeJob command-line option falls back to one of these.
/// </summary>
public static class JobEnvironment
{
    /// <summary>Bucket of the uploaded video.</summary>
    public const string SourceBucket = "SOURCE_BUCKET";

    /// <summary>Key of the uploaded video, already URL-decoded (as S3 stores it, not as events encode it).</summary>
    public const string SourceKey = "SOURCE_KEY";

    /// <summary>A video file on this machine (the local form of the source; the command line's <c>--input FILE</c>).</summary>
    public const string SourceFile = "SOURCE_FILE";

    /// <summary>
    /// Which upload of the source the job was started for (see <see cref="Jobs.SourceRevision"/>), e.g.
    /// <c>version:…</c> or <c>etag:…</c>. A job that finds a later upload in place publishes nothing.
    /// </summary>
    public const string SourceRevision = "SOURCE_REVISION";

    /// <summary>
    /// What the job does with its source (<see cref="Jobs.JobKinds"/>): <c>transcode</c>, or <c>caption</c> to attach a
    /// caption file to its video's published outputs. When absent, the source's name decides (a caption file named by
    /// <see cref="Captions.CaptionFileName"/>'s rule is attached).
    /// </summary>
    public const string JobKind = "JOB_KIND";

    /// <summary>Bucket that receives the renditions, poster and manifest.</summary>
    public const string OutputBucket = "BUCKET_NAME_PROD";

    /// <summary>Key prefix under <see cref="OutputBucket"/>; the job adds one folder per source below it.</summary>
    public const string OutputPrefix = "OUTPUT_PREFIX";

    /// <summary>A folder on this machine that receives the outputs (the command line's <c>--output DIR</c>).</summary>
    public const string OutputDir = "OUTPUT_DIR";

    /// <summary>Stable id of the job (see <see cref="Shared.JobId"/>).</summary>
    public const string JobId = "JOB_ID";

    /// <summary>Optional comma list of rendition names, e.g. <c>1080p,720p,480p</c>.</summary>
    public const string Renditions = "RENDITIONS";

    /// <summary>
    /// Optional text of at most <see cref="Jobs.JobSpec.MaxPassthroughLength"/> characters that the job copies into
    /// its manifest unchanged: the uploader's own reference (a database id, say).
    /// </summary>
    public const string Passthrough = "PASSTHROUGH";

    /// <summary>Optional path of a ladder JSON file replacing the default ladder.</summary>
    public const string LadderFile = "LADDER_FILE";

    /// <summary>Optional folder under which the job creates its temporary workspace.</summary>
    public const string WorkDir = "WORK_DIR";

    /// <summary>Optional number of renditions encoded at the same time.</summary>
    public const string Parallelism = "PARALLELISM";

    /// <summary>Optional: <c>single</c> (one ffmpeg decodes once for the whole ladder, the default) or <c>per-rendition</c>.</summary>
    public const string EncodeMode = "ENCODE_MODE";

    /// <summary>
    /// Optional: <c>on</c> (the default) measures every rendition's SSIM and PSNR after the encode, into
    /// <c>manifest.json</c>; <c>off</c> does not.
    /// </summary>
    public const string Quality = "QUALITY";

    /// <summary>
    /// Optional: <c>per-title</c> (analyse the source, give each rung the rate control that reaches its quality target,
    /// drop rungs that add nothing) or <c>fixed</c> (every rung at the ladder's CRF); the ladder file's <c>ladderMode</c>
    /// unless given.
    /// </summary>
    public const string LadderMode = "LADDER_MODE";

    /// <summary>Optional comma list of deliverables: <c>hls</c>, <c>dash</c>, <c>mp4</c> (default all three).</summary>
    public const string Formats = "FORMATS";

    /// <summary>
    /// Optional comma list of video codecs: <c>h264</c> (the default) or <c>h264,av1</c> (AV1 renditions beside the
    /// H.264 ones, on the rungs the ladder offers AV1 for).
    /// </summary>
    public const string Codecs = "CODECS";

    /// <summary>Optional: the longest source the job accepts, in seconds (default 14400, 4 hours); longer is bad input.</summary>
    public const string MaxSourceSeconds = "MAX_SOURCE_SECONDS";

    /// <summary>Optional: the largest picture (width × height) a source may have, in pixels (default 8192×4320); larger is bad input.</summary>
    public const string MaxPixelsPerFrame = "MAX_PIXELS_PER_FRAME";

    /// <summary>Optional: the most pixels a second a source may show (picture size × real frame rate; default 8K at 60 fps).</summary>
    public const string MaxPixelsPerSecond = "MAX_PIXELS_PER_SECOND";

    /// <summary>Optional: the fastest real frame rate a source may have, measured from its packets (default 300).</summary>
    public const string MaxFrameRate = "MAX_FRAME_RATE";

    /// <summary>Optional: the most video frames a source may hold (default 1,728,000: four hours at 120 fps).</summary>
    public const string MaxSourceFrames = "MAX_SOURCE_FRAMES";

    /// <summary>Which attempt at this upload the job is (the message's receives, counting infrastructure requeues); for metrics.</summary>
    public const string Attempt = "JOB_ATTEMPT";

    /// <summary>Optional SQS queue URL that receives the job's completion event (done, failed on bad input, superseded).</summary>
    public const string ResultsQueueUrl = "RESULTS_QUEUE_URL";

    /// <summary>Optional https URL that receives the completion event as a signed POST.</summary>
    public const string WebhookUrl = "WEBHOOK_URL";

    /// <summary>
    /// The webhook's signing secret, required with <see cref="WebhookUrl"/>. Set by the task definition (from Secrets
    /// Manager through its <c>secrets</c>), never by the dispatcher's container overrides.
    /// </summary>
    public const string WebhookSecret = "WEBHOOK_SECRET";

    /// <summary>Optional: <c>emf</c> (the default) writes one CloudWatch Embedded Metric Format line per job when logs are JSON; <c>off</c> does not.</summary>
    public const string Metrics = "METRICS";

    /// <summary>Optional: <c>true</c> for debug-level logs.</summary>
    public const string Verbose = "VERBOSE";

    /// <summary>Optional log format: <c>json</c> or <c>text</c>; by default JSON unless stdout is a terminal.</summary>
    public const string LogFormat = "LOG_FORMAT";

    /// <summary>Queue the job's message came from; with <see cref="ReceiptHandle"/> the job owns the message.</summary>
    public const string QueueUrl = "SQS_QUEUE_URL";

    /// <summary>Receipt handle of the message that started the job.</summary>
    public const string ReceiptHandle = "SQS_RECEIPT_HANDLE";

    /// <summary>
    /// When the dispatcher received the message (ISO 8601, UTC): the job must finish within SQS's 12-hour visibility
    /// ceiling from then, or give up its message before it comes back.
    /// </summary>
    public const string ReceivedAt = "SQS_RECEIVED_AT";

    /// <summary>
    /// Which chunk of a long source the job encodes (from 0), with <see cref="ChunkCount"/>: set on the jobs that the first
    /// job of a long source hands to the pipeline (see <see cref="Jobs.JobChunk"/>). Absent for a whole source.
    /// </summary>
    public const string ChunkIndex = "CHUNK_INDEX";

    /// <summary>How many chunks the long source was cut into, with <see cref="ChunkIndex"/>.</summary>
    public const string ChunkCount = "CHUNK_COUNT";

    /// <summary>Which split plan of the source the chunk belongs to (16 hexadecimal digits), with <see cref="ChunkIndex"/>.</summary>
    public const string ChunkPlan = "CHUNK_PLAN";

    /// <summary>
    /// Optional: a source longer than this many seconds is cut into chunks encoded by tasks of their own (default 600);
    /// only a job started from a queue with S3 input and output cuts.
    /// </summary>
    public const string SplitAboveSeconds = "SPLIT_ABOVE_SECONDS";

    /// <summary>Optional: the shortest chunk a long source is cut into, in seconds (default 120).</summary>
    public const string ChunkSeconds = "CHUNK_SECONDS";

    /// <summary>Optional: the most chunks a long source is cut into (default 24); longer sources get longer chunks.</summary>
    public const string MaxChunks = "MAX_CHUNKS";

    /// <summary>Optional: seconds between the job's visibility heartbeats on its message (default 60).</summary>
    public const string HeartbeatSeconds = "SQS_HEARTBEAT_SECONDS";

    /// <summary>Optional path of the ffmpeg executable (default: <c>ffmpeg</c> on PATH).</summary>
    public const string FfmpegPath = "FFMPEG_PATH";

    /// <summary>Optional path of the ffprobe executable (default: <c>ffprobe</c> on PATH).</summary>
    public const string FfprobePath = "FFPROBE_PATH";

    /// <summary>
    /// Optional: glibc's tunables for the media tools; when unset the job sets its own allocator tuning for them
    /// (docs/job.md).
    /// </summary>
    public const string GlibcTunables = "GLIBC_TUNABLES";
}
