namespace Transcoder.Dispatcher.Ecs;

// RunTask's request, as far as the dispatcher uses it:
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
internal sealed record RunTaskRequest
{
    public required string Cluster { get; init; }

    public required string TaskDefinition { get; init; }

    public int Count { get; init; } = 1;

    /// <summary>Set this or <see cref="CapacityProviderStrategy"/>, never both.</summary>
    public string? LaunchType { get; init; }

    public IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }

    public required NetworkConfiguration NetworkConfiguration { get; init; }

    public required TaskOverride Overrides { get; init; }

    public required string ClientToken { get; init; }

    public required string StartedBy { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }
}

internal sealed record CapacityProviderStrategyItem(string CapacityProvider, int Weight, int Base);

internal sealed record NetworkConfiguration(AwsVpcConfiguration AwsvpcConfiguration);

internal sealed record AwsVpcConfiguration(IReadOnlyList<string> Subnets, IReadOnlyList<string>? SecurityGroups, string AssignPublicIp);

internal sealed record TaskOverride(IReadOnlyList<ContainerOverride> ContainerOverrides);

internal sealed record ContainerOverride(string Name, IReadOnlyList<KeyValuePairEntry> Environment);

internal sealed record KeyValuePairEntry(string Name, string Value);

internal sealed record Tag(string Key, string Value);
