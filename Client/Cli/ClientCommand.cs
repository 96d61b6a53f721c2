using System.CommandLine;
using Transcoder.Client.Hosting;
using Transcoder.Shared;
using Transcoder.Shared.Hosting;

namespace Transcoder.Client.Cli;

/// <summary>The <c>transcoder</c> command line: upload, status, urls, captions add, and the settings options they share.</summary>
internal sealed class ClientCommand
{
    public ClientCommand(IReadOnlyDictionary<string, string> environment, ProcessConsole console, ClientServices services)
    {
        var settings = new SettingsOptions();
        var context = new CommandContext(environment, console, services, settings);
        Root = new RootCommand(
            "Uploads videos to the Transcoder pipeline through presigned URLs, follows their jobs and prints playback URLs.\n" +
            ExitCodes.HelpLine(ClientExitCodes.Meanings))
        {
            new UploadCommand(context).Command,
            new StatusCommand(context).Command,
            new UrlsCommand(context).Command,
            new CaptionsCommand(context).Command,
        };
        foreach (var option in settings.All)
        {
            Root.Options.Add(option);
        }
    }

    public RootCommand Root { get; }
}
