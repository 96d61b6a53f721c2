using Transcoder.Shared.Settings;

namespace Transcoder.Dispatcher.Options;

/// <summary>How jobs are started as ECS tasks.</summary>
internal sealed class EcsOptions
{
    public string Cluster { get; init; } = string.Empty;

    /// <summary>Family, family:revision or ARN of the job's task definition.</summary>
    public string TaskDefinition { get; init; } = string.Empty;

    /// <summary>The job's container in that task definition: the one whose environment is overridden.</summary>
    public string ContainerName { get; init; } = string.Empty;

    public IReadOnlyList<string> Subnets { get; init; } = [];

    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    public bool AssignPublicIp { get; init; }

    /// <summary><c>FARGATE</c> unless a capacity provider strategy is given; RunTask accepts one or the other, never both.</summary>
    public string? LaunchType { get; init; } = DispatcherDefaults.LaunchType;

    public IReadOnlyList<CapacityProviderItem> CapacityProviders { get; init; } = [];

    public string StartedBy { get; init; } = DispatcherDefaults.StartedBy;

    /// <summary>
    /// When a strategy with <c>FARGATE_SPOT</c> finds no capacity after its retries, launch the job once more on
    /// on-demand <c>FARGATE</c> instead of waiting for Spot (costs more, never waits). On unless set to false/0.
    /// </summary>
    public bool SpotFallback { get; init; } = DispatcherDefaults.SpotFallback;

    /// <summary>RunTask attempts per message (the first and its retries) before the message is left to come back.</summary>
    public int MaxAttempts { get; init; } = DispatcherDefaults.EcsMaxAttempts;

    /// <summary>The region of the ECS endpoint and of the SigV4 signature.</summary>
    public string Region { get; init; } = string.Empty;

    internal static EcsOptions Read(SettingReader reader)
    {
        var launchType = reader.Text(SettingNames.LaunchType)?.ToUpperInvariant();
        var capacityText = reader.List(SettingNames.CapacityProvider);
        var capacity = new List<CapacityProviderItem>();
        foreach (var item in capacityText)
        {
            if (CapacityProviderItem.Parse(item) is { } parsed)
            {
                capacity.Add(parsed);
            }
            else
            {
                reader.Error($"{SettingNames.CapacityProvider} entries are NAME[:weight[:base]], such as FARGATE_SPOT:3,FARGATE:1, not '{item}'");
            }
        }

        if (launchType is not null && capacityText.Count > 0)
        {
            reader.Error($"set {SettingNames.LaunchType} or {SettingNames.CapacityProvider}, not both (RunTask rejects a launch type with a capacity provider strategy)");
        }

        if (launchType is not (null or "FARGATE" or "EC2" or "EXTERNAL" or "MANAGED_INSTANCES"))
        {
            reader.Error($"{SettingNames.LaunchType} must be FARGATE, EC2, EXTERNAL or MANAGED_INSTANCES, not '{launchType}'");
        }

        var assignPublicIp = reader.Text(SettingNames.AssignPublicIp)?.ToUpperInvariant() ?? DispatcherDefaults.AssignPublicIp;
        if (assignPublicIp is not ("ENABLED" or "DISABLED" or "TRUE" or "FALSE"))
        {
            reader.Error($"{SettingNames.AssignPublicIp} must be ENABLED or DISABLED, not '{assignPublicIp}'");
        }

        var subnets = reader.List(SettingNames.Subnets);
        if (subnets.Count == 0)
        {
            reader.Error($"{SettingNames.Subnets} is required (comma list of subnet ids for the tasks' awsvpc network)");
        }

        return new EcsOptions
        {
            Cluster = reader.Required(SettingNames.Cluster, "the ECS cluster that runs the jobs"),
            TaskDefinition = reader.Required(SettingNames.TaskDefinition, "the job's task definition, family[:revision] or ARN"),
            ContainerName = reader.Required(SettingNames.ContainerName, "the job's container in that task definition"),
            Subnets = subnets,
            SecurityGroups = reader.List(SettingNames.SecurityGroups),
            AssignPublicIp = assignPublicIp is "ENABLED" or "TRUE",
            LaunchType = capacity.Count > 0 || capacityText.Count > 0 ? null : launchType ?? DispatcherDefaults.LaunchType,
            CapacityProviders = capacity,
            StartedBy = reader.Text(SettingNames.StartedBy) ?? DispatcherDefaults.StartedBy,
            MaxAttempts = reader.Integer(SettingNames.EcsMaxAttempts, DispatcherDefaults.EcsMaxAttempts, 1, 20),
            SpotFallback = reader.Flag(SettingNames.SpotFallback, DispatcherDefaults.SpotFallback),
            Region = reader.Required(SettingNames.Region, "the region of the ECS cluster"),
        };
    }
}
