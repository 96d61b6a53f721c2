using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Transcoder.Dispatcher.Options;
using Transcoder.Shared;

namespace Transcoder.Dispatcher.Hosting;

/// <summary>The edge: configuration, validation (exit 2 with every problem at once), logging, and the host's life.</summary>
internal static class DispatcherApp
{
    // ECS's default stop timeout is 30 s between SIGTERM and SIGKILL; finishing in-flight dispatches must fit.
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(25);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["--help" or "-h" or "-?"])
        {
            Console.Out.WriteLine(Usage);
            return ExitCodes.Success;
        }

        var configuration = BuildConfiguration(args);
        var (options, errors) = DispatcherOptions.Read(configuration);
        if (errors.Count > 0)
        {
            Console.Error.WriteLine($"Dispatcher: {errors.Count} configuration problem(s):");
            foreach (var error in errors)
            {
                Console.Error.WriteLine($"  - {error}");
            }

            Console.Error.WriteLine("See docs/dispatcher.md (Configuration) for every setting.");
            return ExitCodes.Usage;
        }

        // RunAsync disposes the host (and with it the local launcher, which stops its child jobs).
        var host = BuildHost(configuration, options);
        await host.RunAsync();
        return ExitCodes.Success;
    }

    public static IConfiguration BuildConfiguration(string[] args) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();

    /// <param name="configureServices">Replaces registrations after the defaults (tests: fakes and emulator clients).</param>
    public static IHost BuildHost(IConfiguration configuration, DispatcherOptions options, Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.Configure<HostOptions>(host =>
        {
            host.ShutdownTimeout = ShutdownTimeout;
            host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
        });
        ConfigureLogging(builder.Logging, options);
        builder.Services.AddDispatcher(options, configuration);
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    private static void ConfigureLogging(ILoggingBuilder logging, DispatcherOptions options)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(options.Verbose ? LogLevel.Debug : LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        var json = options.LogFormat == "json" || (options.LogFormat != "text" && Console.IsOutputRedirected);
        if (json)
        {
            // One JSON object per line for the awslogs driver; scopes carry MessageId and JobId.
            logging.AddJsonConsole(console =>
            {
                console.IncludeScopes = true;
                console.UseUtcTimestamp = true;
                console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            });
        }
    }

    // The dispatcher's own codes, in the job's numbers (Shared's ExitCodes).
    private static readonly Dictionary<int, string> ExitMeanings = new()
    {
        [ExitCodes.Success] = "stopped",
        [ExitCodes.Usage] = "configuration error",
    };

    private static readonly string Usage = $"""
        Dispatcher: long-polls an SQS queue of S3 upload notifications and starts one TranscodeJob per video
        (an ECS task with RunTask, or a local process).

        Configured by environment variables (or appsettings.json, or --NAME=value):
          SQS_QUEUE_URL, BUCKET_NAME_PROD, OUTPUT_PREFIX, LAUNCHER (ecs|local), DISPATCH_CONCURRENCY,
          ECS_CLUSTER, ECS_TASK_DEF, ECS_CONTAINER_NAME, ECS_SUBNETS, ECS_SECURITY_GROUPS, ECS_ASSIGN_PUBLIC_IP,
          ECS_LAUNCH_TYPE or ECS_CAPACITY_PROVIDER, AWS_REGION, LOCAL_JOB_PATH, LOCAL_MAX_JOBS, ...
        Every setting is described in docs/dispatcher.md. {ExitCodes.HelpLine(ExitMeanings)}
        """;
}
