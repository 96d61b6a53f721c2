using Transcoder.Deploy.Tests.Template;

namespace Transcoder.Deploy.Tests.Containers;

/// <summary>
/// The job image against the task definition that runs it with a read-only root: the image must declare the folder
/// that the task mounts its volume on, with the same paths in its environment.
/// </summary>
public sealed class ReadOnlyRootTests
{
    private static readonly DockerfileDocument Job = DockerfileDocument.Load(ContainerPaths.Combine("Dockerfile.job"));

    private static readonly CloudFormationTemplate Template = CloudFormationTemplate.LoadShipped();

    [Test]
    public void JobImage_Volume_IsWhereTheTaskMountsItsWritableVolume()
    {
        // Fargate gives a bind mount the owner and mode of the image's folder only when the image declares that exact
        // path as a VOLUME; otherwise it is root's with mode 0755 and the non-root app user cannot write there.
        var mounts = FilesystemRules.JobWritableMountPaths(Template);

        Assert.That(mounts, Is.Not.Empty);
        Assert.That(DockerfileDocument.Volumes(Job.Final), Is.SupersetOf(mounts));
    }

    [Test]
    public void JobImage_WorkDirAndTmpDir_SameAsTheTaskDefinition()
    {
        // `docker run --read-only` behaves as ECS does, and neither place can drift from the other.
        var image = DockerfileDocument.Environment(Job.Final);
        var task = CloudFormationTemplate.EnvironmentOf(Template.Container("JobTaskDefinition", FilesystemRules.JobContainer));

        Assert.Multiple(() =>
        {
            foreach (var name in new[] { "WORK_DIR", "TMPDIR" })
            {
                Assert.That(image.GetValueOrDefault(name), Is.EqualTo(Intrinsics.Describe(task.GetValueOrDefault(name))), name);
            }
        });
    }

    [Test]
    public void JobImage_VolumeFolder_HandedToTheAppUserBeforeVolume()
    {
        // Docker discards changes to a folder after it is declared a VOLUME, so mkdir/chown must come first.
        var instructions = Job.Final.Instructions.ToList();
        var volume = instructions.FindIndex(i => i.Keyword == "VOLUME");
        var path = DockerfileDocument.Volumes(Job.Final).Single();
        var prepared = instructions.Take(Math.Max(volume, 0))
            .Where(i => i.Keyword == "RUN")
            .Any(run => run.Arguments.Contains($"mkdir -p {path}", StringComparison.Ordinal)
                && run.Arguments.Contains($"chown \"$APP_UID\" {path}", StringComparison.Ordinal));

        Assert.That(volume, Is.GreaterThanOrEqualTo(0));
        Assert.That(prepared, Is.True, $"no RUN before VOLUME {path} creates it and hands it to $APP_UID");
    }

    [Test]
    public void Environment_KeyValueForms_Parsed()
    {
        // The reader itself, on both ENV forms.
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["FROM scratch", "ENV A=1 \\", "    B=two", "ENV C three words", "ENV A=4"]);

            var environment = DockerfileDocument.Environment(DockerfileDocument.Load(file).Final);

            Assert.That(environment, Is.EquivalentTo(new Dictionary<string, string> { ["A"] = "4", ["B"] = "two", ["C"] = "three words" }));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
