using System.Reflection;
using Transcoder.Shared;
using Transcoder.TranscodeJob.Settings;
using Transcoder.Testing;

namespace Transcoder.TranscodeJob.Tests.Settings;

/// <summary>The README's options table says what the code does: its defaults, and every variable the job reads.</summary>
public sealed class ReadmeDefaultsTests
{
    private const string Header = "| option | environment | default | meaning |";

    [Test]
    public void OptionsTable_Defaults_AreTheCodesDefaults()
    {
        // Arrange
        var rows = ReadmeTable.Rows(Header);

        // Act / Assert
        Assert.Multiple(() =>
        {
            foreach (var (name, value) in JobDefaults.Documented)
            {
                var row = rows.SingleOrDefault(r => ReadmeTable.Names(r[1]).Contains(name));
                Assert.That(row, Is.Not.Null, $"{name} has a row");
                Assert.That(ReadmeTable.Plain(row![2]), Is.EqualTo(value), $"{name}'s default");
            }
        });
    }

    [Test]
    public void OptionsTable_EveryJobEnvironmentVariable_IsListed()
    {
        // Arrange
        var listed = ReadmeTable.Rows(Header).SelectMany(r => ReadmeTable.Names(r[1])).ToHashSet();
        var read = typeof(JobEnvironment).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        // Act / Assert
        Assert.That(read.Where(name => !listed.Contains(name)), Is.Empty);
    }
}
