using System.Reflection;
using Transcoder.Dispatcher.Options;
using Transcoder.Testing;

namespace Transcoder.Dispatcher.Tests.Options;

/// <summary>docs/dispatcher.md's configuration table says what the code does: its defaults, and every setting read.</summary>
public sealed class DispatcherDocsTests
{
    private const string Document = "docs/dispatcher.md";
    private const string Header = "| setting | default | meaning |";

    [Test]
    public void ConfigurationTable_Defaults_AreTheCodesDefaults()
    {
        // Arrange
        var rows = DocTable.Rows(Document, Header);

        // Act / Assert
        Assert.Multiple(() =>
        {
            foreach (var (name, value) in DispatcherDefaults.Documented)
            {
                var row = rows.SingleOrDefault(r => DocTable.Names(r[0]).SequenceEqual([name]));
                Assert.That(row, Is.Not.Null, $"{name} has a row of its own");
                Assert.That(DocTable.Plain(row![1]), Is.EqualTo(value), $"{name}'s default");
            }
        });
    }

    [Test]
    public void ConfigurationTable_EverySettingName_IsListed()
    {
        // Arrange
        var listed = DocTable.Rows(Document, Header).Select(r => DocTable.Names(r[0]).FirstOrDefault()).ToHashSet();
        var read = typeof(SettingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        // Act / Assert
        Assert.That(read.Where(name => !listed.Contains(name)), Is.Empty);
    }
}
