using System.Text;

namespace Transcoder.LocalPipeline;

/// <summary>Writes each line it is given indented under the current step, as the rest of the narration is.</summary>
internal sealed class IndentedWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(value);

    public override void Write(string? value)
    {
        foreach (var line in (value ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            inner.WriteLine($"    {line.TrimEnd('\r')}");
        }
    }
}
