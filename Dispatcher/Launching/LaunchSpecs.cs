using Transcoder.Dispatcher.Options;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Messages;

namespace Transcoder.Dispatcher.Launching;

/// <summary>
/// Turns what a message asked for into the job's <see cref="JobSpec"/> and checks it with the job's own rules
/// (<see cref="JobSpecParser.Check"/>), so that a typo in <c>renditions</c> is refused here, before a task costs
/// anything, instead of inside a task that starts again on every receive.
/// </summary>
internal static class LaunchSpecs
{
    /// <param name="attempt">Which attempt at the upload this launch is: the message's receives plus its infrastructure requeues.</param>
    public static (JobSpec Spec, IReadOnlyList<string> Problems) For(JobRequest job, string receiptHandle, DateTimeOffset? receivedAt, int attempt, DispatcherOptions options)
    {
        var problems = new List<string>();
        var spec = new JobSpec
        {
            Source = job.Source,
            Kind = job.Kind,
            Revision = job.Revision,
            JobId = job.JobId,
            Output = S3Output.Create(options.OutputBucket, options.OutputPrefix),
            Renditions = RenditionNames.Split(job.Renditions),
            Formats = job.Formats is null ? null : StreamingFormatList.Parse(job.Formats, problems),
            Codecs = job.Codecs is null ? null : VideoCodecList.Parse(job.Codecs, problems),
            Passthrough = job.Passthrough,
            Attempt = attempt,
            Lease = new JobLease(options.QueueUrl, receiptHandle, receivedAt),
            Chunk = job.Chunk,
        };
        if (problems.Count == 0)
        {
            problems.AddRange(JobSpecParser.Check(spec, options.RenditionNames));
        }

        return (spec, problems);
    }
}
