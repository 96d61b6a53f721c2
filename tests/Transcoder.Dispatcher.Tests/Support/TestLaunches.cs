using Transcoder.Dispatcher.Launching;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Messages;

namespace Transcoder.Dispatcher.Tests.Support;

/// <summary>Checked launches built the way the message handler builds them (<see cref="LaunchSpecs"/>), for launcher tests.</summary>
internal static class TestLaunches
{
    public static JobLaunch For(
        string key,
        string? renditions = null,
        string receiptHandle = "receipt-1",
        string messageId = "m-1",
        string clientToken = "token-1")
    {
        var request = new JobRequest("temp", key, SourceRevision.Parse("etag:e"), renditions);
        var (spec, problems) = LaunchSpecs.For(request, receiptHandle, new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), 1, TestOptions.Read(TestOptions.EcsSettings()));
        Assert.That(problems, Is.Empty, "test launches must be valid");
        return new JobLaunch(spec, messageId, clientToken);
    }
}
