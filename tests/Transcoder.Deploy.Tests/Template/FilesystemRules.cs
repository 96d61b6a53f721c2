using System.Text.Json.Nodes;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>
/// Where the stack's containers may write, as rules that return their violations (empty: the rule holds), so that
/// tests can run them on the shipped template and on copies with a typical mistake.
/// </summary>
public static class FilesystemRules
{
    public const string JobContainer = "transcode-job";

    /// <summary>Every container of every task definition has a read-only root filesystem.</summary>
    public static IReadOnlyList<string> WritableRoots(CloudFormationTemplate template) =>
    [
        .. template.LogicalIdsOfType("AWS::ECS::TaskDefinition").SelectMany(id =>
            Intrinsics.Items(template.Properties(id)["ContainerDefinitions"]).OfType<JsonObject>()
                .Where(container => container["ReadonlyRootFilesystem"]?.GetValue<bool>() != true)
                .Select(container => $"{id}/{(string?)container["Name"]}: root filesystem is writable (ReadonlyRootFilesystem is not true)")),
    ];

    /// <summary>
    /// The job writes its workspace (WORK_DIR) and its temporary files (TMPDIR, for .NET and ffmpeg) at or below a
    /// writable mount of a task-level volume that lives on the task's ephemeral storage: a bind mount without a host
    /// path, the only kind Fargate offers (no EFS, no Docker volume driver).
    /// </summary>
    public static IReadOnlyList<string> JobWritesOnlyToItsVolume(CloudFormationTemplate template)
    {
        const string taskDefinition = "JobTaskDefinition";
        var violations = new List<string>();
        var container = template.Container(taskDefinition, JobContainer);
        var volumes = Intrinsics.Items(template.Properties(taskDefinition)["Volumes"]).OfType<JsonObject>()
            .ToDictionary(v => (string?)v["Name"] ?? string.Empty, StringComparer.Ordinal);
        var writableMounts = new List<string>();
        foreach (var mount in Intrinsics.Items(container["MountPoints"]).OfType<JsonObject>())
        {
            var path = (string?)mount["ContainerPath"] ?? string.Empty;
            var source = (string?)mount["SourceVolume"] ?? string.Empty;
            if (mount["ReadOnly"]?.GetValue<bool>() == true)
            {
                continue;
            }

            if (!volumes.TryGetValue(source, out var volume))
            {
                violations.Add($"{JobContainer}: mount {path} names volume '{source}', which the task definition does not have");
                continue;
            }

            var extra = volume.Select(p => p.Key).Where(key => key != "Name").ToList();
            if (extra.Count > 0)
            {
                violations.Add($"{JobContainer}: volume '{source}' has {string.Join(", ", extra)}: not an ephemeral Fargate bind mount");
                continue;
            }

            writableMounts.Add(path.TrimEnd('/'));
        }

        var environment = CloudFormationTemplate.EnvironmentOf(container);
        foreach (var name in new[] { "WORK_DIR", "TMPDIR" })
        {
            var value = environment.TryGetValue(name, out var node) ? Intrinsics.Describe(node) : null;
            if (value is null)
            {
                violations.Add($"{JobContainer}: {name} is not set (the default would be on the read-only root)");
            }
            else if (!writableMounts.Any(mount => value.TrimEnd('/') == mount || value.StartsWith(mount + "/", StringComparison.Ordinal)))
            {
                violations.Add($"{JobContainer}: {name}={value} is not on a writable volume mount ({string.Join(", ", writableMounts)})");
            }
        }

        return violations;
    }

    /// <summary>The job container's writable mount paths, for the check against the Dockerfile's VOLUME.</summary>
    public static IReadOnlyList<string> JobWritableMountPaths(CloudFormationTemplate template) =>
    [
        .. Intrinsics.Items(template.Container("JobTaskDefinition", JobContainer)["MountPoints"]).OfType<JsonObject>()
            .Where(mount => mount["ReadOnly"]?.GetValue<bool>() != true)
            .Select(mount => (string?)mount["ContainerPath"] ?? string.Empty),
    ];
}
