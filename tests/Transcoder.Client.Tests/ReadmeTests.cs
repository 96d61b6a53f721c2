using System.Reflection;
using Transcoder.Client.Hosting;
using Transcoder.Client.Settings;
using Transcoder.Testing;

namespace Transcoder.Client.Tests;

/// <summary>The README's Client CLI tables say what the code does.</summary>
public sealed class ReadmeTests
{
    private static IEnumerable<string> Constants(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => f.GetRawConstantValue()!.ToString()!);

    [Test]
    public void ExitCodesTable_ListsEveryExitCode()
    {
        // Arrange
        var documented = ReadmeTable.Rows("| code | meaning |").SelectMany(row => row[0].Split('/', StringSplitOptions.TrimEntries)).ToHashSet();

        // Act / Assert
        Assert.That(Constants(typeof(ClientExitCodes)).Distinct().Where(code => !documented.Contains(code)), Is.Empty);
        Assert.That(documented.Where(code => !Constants(typeof(ClientExitCodes)).Contains(code)), Is.Empty, "no code the client never uses");
    }

    [Test]
    public void SettingsTable_ListsEveryVariableTheClientReads()
    {
        // Arrange
        var rows = ReadmeTable.Rows("| option | variable | default | meaning |");
        var listed = rows.SelectMany(row => ReadmeTable.Names(row[1])).ToHashSet();

        // Act / Assert
        Assert.That(Constants(typeof(ClientEnvironment)).Where(name => !listed.Contains(name)), Is.Empty);
        Assert.That(rows.Select(row => ReadmeTable.Plain(row[0])).Where(o => o.Length > 0), Is.EqualTo(new[]
        {
            "--upload-bucket", "--upload-prefix", "--prod-bucket", "--output-prefix", "--region", "--endpoint",
        }));
    }

    [Test]
    public void MetadataTable_NamesTheSharedMetadataNames()
    {
        // Act
        var rows = ReadmeTable.Rows("| metadata | header | value |");

        // Assert
        Assert.That(rows.Select(row => (ReadmeTable.Plain(row[0]), ReadmeTable.Plain(row[1]))), Is.EqualTo(new[]
        {
            (Shared.UploadMetadata.Renditions, Shared.UploadMetadata.Header(Shared.UploadMetadata.Renditions)),
            (Shared.UploadMetadata.Formats, Shared.UploadMetadata.Header(Shared.UploadMetadata.Formats)),
            (Shared.UploadMetadata.Passthrough, Shared.UploadMetadata.Header(Shared.UploadMetadata.Passthrough)),
        }));
    }
}
