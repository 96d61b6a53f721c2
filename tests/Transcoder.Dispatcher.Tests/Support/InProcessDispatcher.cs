using Amazon.Runtime;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Transcoder.Dispatcher.Hosting;
using Transcoder.Dispatcher.Metrics;
using Transcoder.Dispatcher.Options;
using Transcoder.LocalAws.Ecs;

namespace Transcoder.Dispatcher.Tests.Support;

/// <summary>The real dispatcher host, in the test process, on the emulator's queue and the fake ECS endpoint.</summary>
internal sealed class InProcessDispatcher : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessDispatcher(IHost host) => _host = host;

    public DispatchMetrics Metrics => _host.Services.GetRequiredService<DispatchMetrics>();

    public static async Task<InProcessDispatcher> StartAsync(
        IAmazonSQS sqs, string queueUrl, FakeEcs ecs, Action<Dictionary<string, string?>>? adjust, CancellationToken cancellationToken)
    {
        var settings = TestOptions.EcsSettings(queueUrl);
        settings["AWS_ENDPOINT_URL_ECS"] = ecs.Endpoint.ToString();
        settings[SettingNames.MetricsIntervalSeconds] = "3600";
        settings[SettingNames.LogFormat] = "text";
        adjust?.Invoke(settings);
        var configuration = TestOptions.Configuration(settings);
        var options = TestOptions.Read(settings);
        var host = DispatcherApp.BuildHost(configuration, options, services =>
        {
            services.AddSingleton(sqs);
            services.AddSingleton<AWSCredentials>(new BasicAWSCredentials(FakeEcs.AccessKey, FakeEcs.SecretKey));
        });
        await host.StartAsync(cancellationToken);
        return new InProcessDispatcher(host);
    }

    /// <summary>Stops as SIGTERM would; returns how long it took.</summary>
    public async Task<TimeSpan> StopAsync()
    {
        var started = DateTime.UtcNow;
        await _host.StopAsync(CancellationToken.None);
        return DateTime.UtcNow - started;
    }

    public ValueTask DisposeAsync() => _host.StopAndDisposeAsync();
}
