using System.Reflection;
using Transcoder.Client.Hosting;
using Transcoder.Client.Settings;
using Transcoder.Testing;

namespace Transcoder.Client.Tests;

/// <summary>docs/client.md's tables say what the code does.</summary>
public sealed class ClientDocsTests
{
    private const string Document = "docs/client.md";

    private static IEnumerable<string> Constants(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => f.GetRawConstantValue()!.ToString()!);

    [Test]
    public void ExitCodesTable_ListsEveryExitCode()
    {
        // Arrange
        var documented = DocTable.Rows(Document, "| code | meaning |").SelectMany(row => row[0].Split('/', StringSplitOptions.TrimEntries)).ToHashSet();

        // Act / Assert
        Assert.That(Constants(typeof(ClientExitCodes)).Distinct().Where(code => !documented.Contains(code)), Is.Empty);
        Assert.That(documented.Where(code => !Constants(typeof(ClientExitCodes)).Contains(code)), Is.Empty, "no code the client never uses");
    }

    [Test]
    public void SettingsTable_ListsEveryVariableTheClientReads()
    {
        // Arrange
        var rows = DocTable.Rows(Document, "| option | variable | default | meaning |");
        var listed = rows.SelectMany(row => DocTable.Names(row[1])).ToHashSet();

        // Act / Assert
        Assert.That(Constants(typeof(ClientEnvironment)).Where(name => !listed.Contains(name)), Is.Empty);
        Assert.That(rows.Select(row => DocTable.Plain(row[0])).Where(o => o.Length > 0), Is.EqualTo(new[]
        {
            "--upload-bucket", "--upload-prefix", "--prod-bucket", "--output-prefix", "--region", "--endpoint",
        }));
    }

    [Test]
    public void MetadataTable_NamesTheSharedMetadataNames()
    {
        // Act
        var rows = DocTable.Rows(Document, "| metadata | header | value |");

        // Assert
        Assert.That(rows.Select(row => (DocTable.Plain(row[0]), DocTable.Plain(row[1]))), Is.EqualTo(new[]
        {
            (Shared.UploadMetadata.Renditions, Shared.UploadMetadata.Header(Shared.UploadMetadata.Renditions)),
            (Shared.UploadMetadata.Formats, Shared.UploadMetadata.Header(Shared.UploadMetadata.Formats)),
            (Shared.UploadMetadata.Codecs, Shared.UploadMetadata.Header(Shared.UploadMetadata.Codecs)),
            (Shared.UploadMetadata.Passthrough, Shared.UploadMetadata.Header(Shared.UploadMetadata.Passthrough)),
        }));
    }
}
