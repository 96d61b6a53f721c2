using Transcoder.LocalAws;

namespace Transcoder.Client.Tests;

/// <summary>Once per test assembly: stop the emulator the integration tests shared.</summary>
[SetUpFixture]
public sealed class TestRunSetup
{
    [OneTimeTearDown]
    public static Task TearDownAsync() => FauxqsEmulator.StopSharedAsync();
}
