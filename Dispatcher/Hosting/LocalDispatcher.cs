using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Transcoder.Dispatcher.Local;
using Transcoder.Dispatcher.Options;
using Transcoder.Shared.Hosting;

namespace Transcoder.Dispatcher.Hosting;

/// <summary>
/// The dispatcher with its local launcher, hosted inside another program: LocalPipeline (and its end-to-end tests)
/// runs the whole pipeline on one machine with it. The same host as the executable's, with the settings given here
/// instead of the environment; each job is a TranscodeJob child process, as <c>LAUNCHER=local</c> starts them. With
/// <see cref="SettingNames"/> and <see cref="LocalJobExit"/>, the dispatcher's only public types.
/// </summary>
public sealed class LocalDispatcher : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly LocalJobLauncher _jobs;

    private LocalDispatcher(IHost host)
    {
        _host = host;
        _jobs = host.Services.GetRequiredService<LocalJobLauncher>();
    }

    /// <summary>The job processes running now (the end-to-end tests stop one mid-encode, as ECS stops a task).</summary>
    public IReadOnlyList<int> RunningProcessIds => _jobs.RunningProcessIds;

    /// <summary>The running processes that encode a chunk of a long source, and their chunks.</summary>
    public IReadOnlyDictionary<int, Transcoder.Shared.Jobs.JobChunk> RunningChunks => _jobs.RunningChunks;

    /// <summary>Every job process that has ended, in order.</summary>
    public IReadOnlyList<LocalJobExit> Exits => _jobs.Exits;

    /// <summary>Checks the settings (every problem at once) and starts polling.</summary>
    /// <param name="settings">The dispatcher's settings by name (<see cref="SettingNames"/>, and the AWS SDK's); <c>LAUNCHER</c> is <c>local</c> whatever it says.</param>
    /// <exception cref="UsageException">The settings hold problems: the executable would exit 2 with them.</exception>
    public static async Task<LocalDispatcher> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings)
            .AddInMemoryCollection([new(SettingNames.Launcher, "local")])
            .Build();
        var (options, errors) = DispatcherOptions.Read(configuration);
        if (errors.Count > 0)
        {
            throw new UsageException(errors);
        }

        var host = DispatcherApp.BuildHost(configuration, options);
        await host.StartAsync(cancellationToken);
        return new LocalDispatcher(host);
    }

    /// <summary>Stops polling and the job processes (SIGTERM, as ECS would: they release their messages).</summary>
    public ValueTask DisposeAsync() => _host.StopAndDisposeAsync();
}
