using Transcoder.LocalAws;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests;

/// <summary>Once per test assembly (a set-up fixture in the root namespace covers every test): stop the emulator, remove the generated clips.</summary>
[SetUpFixture]
public sealed class TestRunSetup
{
    [OneTimeTearDown]
    public static async Task TearDownAsync()
    {
        await FauxqsEmulator.StopSharedAsync();
        Clips.DeleteAll();
    }
}
