namespace Transcoder.Shared.Hosting;

/// <summary>A program's standard streams, and whether a person is watching them (a redrawn progress bar, text logs).</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="OutIsTerminal">Whether standard output is a terminal rather than a pipe or a file.</param>
/// <param name="ErrorIsTerminal">Whether standard error is a terminal rather than a pipe or a file.</param>
public sealed record ProcessConsole(TextWriter Out, TextWriter Error, bool OutIsTerminal, bool ErrorIsTerminal)
{
    /// <summary>This process's own streams.</summary>
    public static ProcessConsole System =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected);
}
