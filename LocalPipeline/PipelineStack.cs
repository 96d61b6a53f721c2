using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using Transcoder.Client.Hosting;
using Transcoder.Dispatcher.Hosting;
using Transcoder.Dispatcher.Options;
using Transcoder.LocalAws;
using Transcoder.LocalAws.S3;
using Transcoder.Shared;
using Transcoder.Shared.Hosting;
using Transcoder.Shared.Messages;

namespace Transcoder.LocalPipeline;

/// <summary>
/// What deploy/transcoder.json creates in AWS, on this machine: a temp and a prod bucket, the upload queue and its
/// DLQ (redrive after 3 receives) in the emulator, and the Dispatcher with the local launcher. Uploads go through
/// <c>transcoder upload</c> itself (presigned URLs), whose signatures are checked on the way to the emulator (which
/// checks none). S3 cannot notify the emulator's queue, so <see cref="UploadAsync"/> sends the notification S3 would
/// send.
/// </summary>
internal sealed class PipelineStack : IAsyncDisposable
{
    public const string TempBucket = "transcoder-temp";
    public const string ProdBucket = "transcoder-prod";
    public const string OutputPrefix = "renditions/";
    public const int MaxReceiveCount = 3;

    // The emulator takes at most 11 MiB in one request: parts of 8 MiB above 8 MiB keep every request within it.
    private const string EmulatorPartMiB = "8";

    private readonly FauxqsEmulator _emulator;
    private readonly LocalDispatcher _dispatcher;

    private PipelineStack(FauxqsEmulator emulator, IAmazonS3 s3, IAmazonSQS sqs, string queueUrl, string deadLetterUrl, string resultsUrl, LocalDispatcher dispatcher)
    {
        _emulator = emulator;
        S3 = s3;
        Sqs = sqs;
        QueueUrl = queueUrl;
        DeadLetterUrl = deadLetterUrl;
        ResultsUrl = resultsUrl;
        _dispatcher = dispatcher;
    }

    public IAmazonS3 S3 { get; }

    public IAmazonSQS Sqs { get; }

    public string QueueUrl { get; }

    public string DeadLetterUrl { get; }

    /// <summary>The queue the jobs send their completion events to (as the stack's ResultsQueue).</summary>
    public string ResultsUrl { get; }

    public Uri Endpoint => _emulator.Endpoint;

    /// <summary>The dispatcher's job processes: running, and how the finished ones ended.</summary>
    public LocalDispatcher Jobs => _dispatcher;

    /// <summary>The signature check every presigned upload request passed (or failed) on its way to the emulator.</summary>
    public PresignedUrlCheckingHandler PresignedChecks { get; } = new();

    /// <param name="settings">Dispatcher settings that replace the stack's defaults (e.g. LOCAL_MAX_JOBS, LOG_FORMAT).</param>
    /// <param name="queueVisibilitySeconds">The queue's visibility timeout: how long a message lost with its job stays hidden.</param>
    public static async Task<PipelineStack> StartAsync(IReadOnlyDictionary<string, string?> settings, int queueVisibilitySeconds, CancellationToken cancellationToken)
    {
        var emulator = await FauxqsEmulator.StartAsync(cancellationToken);
        try
        {
            var s3 = emulator.CreateS3Client();
            var sqs = emulator.CreateSqsClient();
            await s3.PutBucketAsync(TempBucket, cancellationToken);
            await s3.PutBucketAsync(ProdBucket, cancellationToken);
            var (queueUrl, deadLetterUrl) = await EmulatorQueues.CreateWithDeadLetterAsync(
                sqs, "transcoder-uploads", MaxReceiveCount, queueVisibilitySeconds, cancellationToken);
            var resultsUrl = (await sqs.CreateQueueAsync("transcoder-results", cancellationToken)).QueueUrl;

            var configuration = new Dictionary<string, string?>
            {
                [SettingNames.QueueUrl] = queueUrl,
                [SettingNames.OutputBucket] = ProdBucket,
                [SettingNames.OutputPrefix] = OutputPrefix,
                [SettingNames.LocalJobPath] = Path.Combine(AppContext.BaseDirectory, "TranscodeJob.dll"),
                [SettingNames.TaskStartGraceSeconds] = "60",
                [SettingNames.RetryBackoffBaseSeconds] = "5",
                // As the stack's task definition does: the local launcher hands it to every job.
                [JobEnvironment.ResultsQueueUrl] = resultsUrl,
            };
            foreach (var (name, value) in emulator.ClientEnvironment)
            {
                configuration[name] = value;
            }

            foreach (var (name, value) in settings)
            {
                configuration[name] = value;
            }

            var dispatcher = await LocalDispatcher.StartAsync(configuration, cancellationToken);
            return new PipelineStack(emulator, s3, sqs, queueUrl, deadLetterUrl, resultsUrl, dispatcher);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Uploads a file to the temp bucket with <c>transcoder upload</c> (presigned URLs, in parts above 8 MiB) and sends
    /// the ObjectCreated notification S3 would send.
    /// </summary>
    /// <param name="narration">Where the client's report goes (its stdout); null to drop it.</param>
    /// <param name="options">More of the client's upload options (<c>--codecs h264,av1</c>), sent as the upload's metadata.</param>
    /// <returns>The notification's body (send it again to imitate a duplicate event).</returns>
    public async Task<string> UploadAsync(
        string path, string key, CancellationToken cancellationToken, TextWriter? narration = null, IReadOnlyList<string>? options = null)
    {
        await RunClientAsync(
            ["upload", path, "--key", key, "--multipart-threshold", EmulatorPartMiB, "--part-size", EmulatorPartMiB, .. options ?? []], narration, cancellationToken);
        return await AnnounceAsync(key, cancellationToken);
    }

    /// <summary>
    /// Sends a caption file for the video uploaded as <paramref name="videoKey"/> with <c>transcoder captions add</c>
    /// and the ObjectCreated notification S3 would send for it.
    /// </summary>
    /// <returns>The caption's key.</returns>
    public async Task<string> AddCaptionsAsync(string videoKey, string path, string language, CancellationToken cancellationToken, TextWriter? narration = null)
    {
        var output = await RunClientAsync(["captions", "add", videoKey, path, "--lang", language], narration, cancellationToken);
        var uploaded = output.Split('\n').Single(line => line.StartsWith("uploaded: ", StringComparison.Ordinal));
        var key = uploaded[$"uploaded: s3://{TempBucket}/".Length..].TrimEnd();
        await AnnounceAsync(key, cancellationToken);
        return key;
    }

    // What S3 puts in the event: the object's size and ETag as stored.
    private async Task<string> AnnounceAsync(string key, CancellationToken cancellationToken)
    {
        var uploaded = await S3.GetObjectMetadataAsync(TempBucket, key, cancellationToken);
        var notification = S3EventNotificationJson.ObjectCreated(
            TempBucket, key, uploaded.ContentLength, uploaded.ETag.Trim('"'), FauxqsEmulator.Region, DateTimeOffset.UtcNow);
        await NotifyAsync(notification, cancellationToken);
        return notification;
    }

    /// <summary>
    /// Runs <c>transcoder</c> (<see cref="ClientHost"/>) against the stack: its buckets and the emulator's credentials,
    /// the presigned requests through <see cref="PresignedChecks"/>. Returns its stdout; a failure throws with its error lines.
    /// </summary>
    public async Task<string> RunClientAsync(IReadOnlyList<string> args, TextWriter? narration, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] stack = ["--upload-bucket", TempBucket, "--prod-bucket", ProdBucket, "--output-prefix", OutputPrefix];
        var exitCode = await ClientHost.RunAsync(
            [.. args, .. stack], _emulator.ClientEnvironment, new ProcessConsole(output, error, OutIsTerminal: false, ErrorIsTerminal: false), PresignedChecks, cancellationToken);
        // Its stdout says what it did; its stderr is progress, and the reason when it fails.
        narration?.Write(output.ToString());
        return exitCode == ExitCodes.Success
            ? output.ToString()
            : throw new InvalidOperationException($"transcoder {args[0]} exited with {exitCode}: {error.ToString().Trim()}");
    }

    public Task NotifyAsync(string notification, CancellationToken cancellationToken) =>
        Sqs.SendMessageAsync(QueueUrl, notification, cancellationToken);

    /// <summary>The key of one output file of the upload <paramref name="key"/> in the prod bucket.</summary>
    public static string OutputKey(string key, string fileName) => $"{OutputPrefix}{OutputFolder.ForObject(TempBucket, key)}/{fileName}";

    public async Task<bool> ExistsAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            await S3.GetObjectMetadataAsync(bucket, key, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Every object of the prod bucket under the folder of the upload <paramref name="key"/>.</summary>
    public async Task<IReadOnlyList<S3Object>> OutputsAsync(string key, CancellationToken cancellationToken)
    {
        var response = await S3.ListObjectsV2Async(
            new ListObjectsV2Request { BucketName = ProdBucket, Prefix = $"{OutputPrefix}{OutputFolder.ForObject(TempBucket, key)}/" },
            cancellationToken);
        return response.S3Objects ?? [];
    }

    /// <summary>The completion events on the results queue (each received once and deleted), waiting up to <paramref name="wait"/> for the first.</summary>
    public async Task<IReadOnlyList<string>> TakeEventsAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var received = await Sqs.ReceiveMessageAsync(
            new ReceiveMessageRequest { QueueUrl = ResultsUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = (int)wait.TotalSeconds },
            cancellationToken);
        foreach (var message in received.Messages ?? [])
        {
            await Sqs.DeleteMessageAsync(ResultsUrl, message.ReceiptHandle, cancellationToken);
        }

        return [.. (received.Messages ?? []).Select(m => m.Body)];
    }

    /// <summary>Messages in the upload queue (visible, in flight) and in the DLQ.</summary>
    public async Task<QueueDepths> DepthsAsync(CancellationToken cancellationToken)
    {
        var queue = await EmulatorQueues.CountAsync(Sqs, QueueUrl, cancellationToken);
        var dead = await EmulatorQueues.CountAsync(Sqs, DeadLetterUrl, cancellationToken);
        return new QueueDepths(queue.Visible, queue.InFlight, dead.Visible + dead.InFlight);
    }

    public async ValueTask DisposeAsync()
    {
        // The dispatcher first: it stops its job processes (SIGTERM, as ECS would) before the emulator goes.
        await _dispatcher.DisposeAsync();
        S3.Dispose();
        Sqs.Dispose();
        PresignedChecks.Dispose();
        await _emulator.DisposeAsync();
    }
}
