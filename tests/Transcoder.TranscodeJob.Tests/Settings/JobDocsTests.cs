using System.Reflection;
using Transcoder.Shared;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Settings;
using Transcoder.Testing;

namespace Transcoder.TranscodeJob.Tests.Settings;

/// <summary>docs/job.md says what the code does: the options table's defaults and variables, and the exit codes.</summary>
public sealed class JobDocsTests
{
    private const string Document = "docs/job.md";
    private const string Header = "| option | environment | default | meaning |";

    [Test]
    public void OptionsTable_Defaults_AreTheCodesDefaults()
    {
        // Arrange
        var rows = DocTable.Rows(Document, Header);

        // Act / Assert
        Assert.Multiple(() =>
        {
            foreach (var (name, value) in JobDefaults.Documented)
            {
                var row = rows.SingleOrDefault(r => DocTable.Names(r[1]).Contains(name));
                Assert.That(row, Is.Not.Null, $"{name} has a row");
                Assert.That(DocTable.Plain(row![2]), Is.EqualTo(value), $"{name}'s default");
            }
        });
    }

    [Test]
    public void OptionsTable_EveryJobEnvironmentVariable_IsListed()
    {
        // Arrange
        var listed = DocTable.Rows(Document, Header).SelectMany(r => DocTable.Names(r[1])).ToHashSet();
        var read = typeof(JobEnvironment).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        // Act / Assert
        Assert.That(read.Where(name => !listed.Contains(name)), Is.Empty);
    }

    [Test]
    public void LadderTable_IsTheDefaultLadder()
    {
        // Arrange
        var rows = DocTable.Rows(Document, "| rendition | short side | peak video bitrate | audio | AV1 twin's peak (with `--codecs h264,av1`) |");
        static string Kbps(int? kbps) => kbps is { } value ? $"{value} kb/s" : "none";

        // Act / Assert
        Assert.That(rows.Select(r => string.Join(" | ", r)), Is.EqualTo(Ladder.Default.Renditions.Select(r =>
            $"{r.Name} | {r.Height} | {Kbps(r.VideoKbps)} | {Kbps(r.AudioKbps)} | {Kbps(r.Av1Kbps)}")));
    }

    [Test]
    public void Av1Section_NamesTheDefaultPresetAndCrf()
    {
        // Arrange
        var text = File.ReadAllText(Path.Combine(Transcoder.LocalAws.RepoPaths.Root, Document));
        var av1 = Ladder.Default.Encoder.Av1;

        // Act / Assert
        Assert.That(text, Does.Contain($"SVT-AV1 preset {av1.Preset}, capped CRF {av1.Crf}"));
        Assert.That(text, Does.Contain($"\"av1Preset\": {av1.Preset}, \"av1Crf\": {av1.Crf}"));
    }

    [Test]
    public void ExitCodesTable_ListsEveryExitCode()
    {
        // Arrange
        var documented = DocTable.Rows(Document, "| code | meaning | the message (when the job owns one) |")
            .SelectMany(row => row[0].Split('/', StringSplitOptions.TrimEntries)).Select(int.Parse).ToHashSet();

        // Act / Assert
        Assert.That(documented, Is.EquivalentTo(ExitCodes.Meanings.Keys));
    }
}
