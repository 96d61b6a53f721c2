using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.SQS;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Transcoder.Dispatcher.Ecs;
using Transcoder.Dispatcher.Launching;
using Transcoder.Dispatcher.Local;
using Transcoder.Dispatcher.Metrics;
using Transcoder.Dispatcher.Options;
using Transcoder.Dispatcher.Polling;
using Transcoder.Shared.Aws;

namespace Transcoder.Dispatcher.Hosting;

/// <summary>The dispatcher's object graph. Tests replace single registrations (the SQS client, the launcher, credentials).</summary>
internal static class DispatcherServices
{
    public static IServiceCollection AddDispatcher(this IServiceCollection services, DispatcherOptions options, IConfiguration configuration)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DispatchMetrics>();
        services.AddSingleton<LaunchPause>();
        services.AddSingleton<VisibilityRules>();
        services.AddSingleton<MessageHandler>();
        services.AddSingleton<IAmazonSQS>(_ => CreateSqs(configuration));
        services.AddSingleton(Console.Out);
        if (options.EmitMetrics)
        {
            services.AddHostedService<EmfMetricsWriter>();
        }

        services.AddHostedService<QueuePoller>();

        if (options.Launcher == LauncherKind.Local)
        {
            services.AddSingleton<LocalJobLauncher>();
            services.AddSingleton<ITaskLauncher>(provider => provider.GetRequiredService<LocalJobLauncher>());
        }
        else
        {
            // The default chain: environment, profile, then the ECS task role; resolved on every signature.
            services.AddSingleton(_ => AwsConnection.CredentialsFrom(name => configuration[name]) ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(null));
            services.AddSingleton<IEcsApi>(provider => new EcsHttpApi(
                EcsHttpClientFactory.Create(provider.GetRequiredService<AWSCredentials>(), options.Ecs.Region, TimeSpan.FromSeconds(15)),
                EcsEndpoint.Resolve(name => configuration[name], options.Ecs.Region)));
            services.AddSingleton(provider =>
            {
                var metrics = provider.GetRequiredService<DispatchMetrics>();
                return EcsResilience.Create(
                    options.Ecs.MaxAttempts,
                    TimeSpan.FromMilliseconds(500),
                    provider.GetRequiredService<TimeProvider>(),
                    exception =>
                    {
                        if (exception is EcsApiException { IsThrottling: true })
                        {
                            metrics.Throttled();
                        }
                    });
            });
            // A task that stops before its job runs is noticed within seconds, not at the end of the start grace.
            services.AddSingleton<TaskStartWatch>();
            services.AddHostedService(provider => provider.GetRequiredService<TaskStartWatch>());
            services.AddSingleton<ITaskLauncher>(provider => new EcsTaskLauncher(
                provider.GetRequiredService<IEcsApi>(),
                options,
                provider.GetRequiredService<Polly.ResiliencePipeline>(),
                provider.GetRequiredService<ILogger<EcsTaskLauncher>>(),
                provider.GetRequiredService<LaunchPause>()));
        }

        return services;
    }

    // Settings from the configuration (environment, appsettings.json or the command line), through the one AWS setup.
    private static AmazonSQSClient CreateSqs(IConfiguration configuration)
    {
        var connection = AwsConnection.FromSettings(name => configuration[name], AwsEnvironment.SqsEndpoint);
        var config = connection.Configure(new AmazonSQSConfig());
        return connection.Credentials is { } credentials ? new AmazonSQSClient(credentials, config) : new AmazonSQSClient(config);
    }
}
