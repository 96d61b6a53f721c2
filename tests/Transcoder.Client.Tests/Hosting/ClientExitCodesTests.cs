using System.Reflection;
using Transcoder.Client.Hosting;

namespace Transcoder.Client.Tests.Hosting;

public sealed class ClientExitCodesTests
{
    [Test]
    public void Meanings_EveryExitCode_HasWordsForTheHelpText()
    {
        // Arrange
        var codes = typeof(ClientExitCodes).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (int)f.GetRawConstantValue()!).Distinct();

        // Act / Assert
        Assert.That(ClientExitCodes.Meanings.Keys, Is.EquivalentTo(codes));
    }
}
