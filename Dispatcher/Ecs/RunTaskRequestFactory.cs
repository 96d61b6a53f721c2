using Transcoder.Dispatcher.Launching;
using Transcoder.Dispatcher.Options;

namespace Transcoder.Dispatcher.Ecs;

/// <summary>Builds the RunTask request for one job: pure, so the tests check it by value.</summary>
internal static class RunTaskRequestFactory
{
    public static RunTaskRequest Create(JobLaunch launch, DispatcherOptions options)
    {
        var ecs = options.Ecs;
        var environment = launch.Spec.ToEnvironment()
            .Select(pair => new KeyValuePairEntry(pair.Key, pair.Value))
            .ToList();
        return new RunTaskRequest
        {
            Cluster = ecs.Cluster,
            TaskDefinition = ecs.TaskDefinition,
            Count = 1,
            // RunTask rejects a request with both; EcsOptions sets exactly one.
            LaunchType = ecs.LaunchType,
            CapacityProviderStrategy = ecs.CapacityProviders.Count == 0
                ? null
                : ecs.CapacityProviders.Select(p => new CapacityProviderStrategyItem(p.Name, p.Weight, p.Base)).ToList(),
            NetworkConfiguration = new NetworkConfiguration(new AwsVpcConfiguration(
                ecs.Subnets,
                ecs.SecurityGroups.Count == 0 ? null : ecs.SecurityGroups,
                ecs.AssignPublicIp ? "ENABLED" : "DISABLED")),
            Overrides = new TaskOverride([new ContainerOverride(ecs.ContainerName, environment)]),
            ClientToken = launch.ClientToken,
            // startedBy is at most 36 characters: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
            StartedBy = ecs.StartedBy.Length > 36 ? ecs.StartedBy[..36] : ecs.StartedBy,
            Tags = [new Tag("transcoder:job-id", launch.JobId), new Tag("transcoder:message-id", launch.MessageId)],
        };
    }
}
