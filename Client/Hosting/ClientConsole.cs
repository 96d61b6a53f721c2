namespace Transcoder.Client.Hosting;

/// <summary>The client's standard streams, and whether a person watches stderr (where the progress bar goes).</summary>
internal sealed record ClientConsole(TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    public static ClientConsole System => new(Console.Out, Console.Error, !Console.IsErrorRedirected);
}
