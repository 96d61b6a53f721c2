namespace Transcoder.TranscodeJob.Hosting;

/// <summary>The job's standard streams, and whether a person is watching them.</summary>
internal sealed record JobConsole(TextWriter Out, TextWriter Error, bool OutIsTerminal, bool ErrorIsTerminal)
{
    public static JobConsole System =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected);
}
