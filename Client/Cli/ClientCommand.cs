using System.CommandLine;
using Transcoder.Client.Hosting;

namespace Transcoder.Client.Cli;

/// <summary>The <c>transcoder</c> command line: upload, status, urls, and the settings options they share.</summary>
internal sealed class ClientCommand
{
    public ClientCommand(IReadOnlyDictionary<string, string> environment, ClientConsole console, ClientServices services)
    {
        var settings = new SettingsOptions();
        var context = new CommandContext(environment, console, services, settings);
        Root = new RootCommand(
            "Uploads videos to the Transcoder pipeline through presigned URLs, follows their jobs and prints playback URLs.\n" +
            "Exit codes: 0 done, 1 bug, 2 usage error (nothing sent), 3 the job refused the video, 4 S3 or network failure, 5 not finished yet, 130/143 interrupted.")
        {
            new UploadCommand(context).Command,
            new StatusCommand(context).Command,
            new UrlsCommand(context).Command,
        };
        foreach (var option in settings.All)
        {
            Root.Options.Add(option);
        }
    }

    public RootCommand Root { get; }
}
