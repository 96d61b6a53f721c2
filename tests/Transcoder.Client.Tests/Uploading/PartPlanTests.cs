using Transcoder.Client.Uploading;

namespace Transcoder.Client.Tests.Uploading;

public sealed class PartPlanTests
{
    private const long MiB = UploadTuning.MiB;

    [Test]
    public void For_SizeNotAMultiple_LastPartIsTheRest()
    {
        // Act
        var parts = PartPlan.For((12 * MiB) + 7, 5 * MiB);

        // Assert
        Assert.That(parts, Is.EqualTo(new[]
        {
            new FilePart(1, 0, 5 * MiB), new FilePart(2, 5 * MiB, 5 * MiB), new FilePart(3, 10 * MiB, (2 * MiB) + 7),
        }));
    }

    [Test]
    public void For_ExactMultiple_NoEmptyPart()
    {
        // Act
        var parts = PartPlan.For(10 * MiB, 5 * MiB);

        // Assert
        Assert.That(parts.Select(p => p.Length), Is.EqualTo(new[] { 5 * MiB, 5 * MiB }));
    }

    [Test]
    public void For_MoreThanS3sPartLimit_GrowsThePartsToWholeMiB()
    {
        // Arrange: 100 GiB in 5 MiB parts would be 20,480 parts.
        var size = 100L * 1024 * MiB;

        // Act
        var parts = PartPlan.For(size, 5 * MiB);

        // Assert
        Assert.That(parts, Has.Count.LessThanOrEqualTo(PartPlan.MaxParts));
        Assert.That(parts[0].Length % MiB, Is.Zero);
        Assert.That(parts.Sum(p => p.Length), Is.EqualTo(size));
        Assert.That(parts.Zip(parts.Skip(1)).All(pair => pair.First.Offset + pair.First.Length == pair.Second.Offset), "contiguous");
    }

    [Test]
    public void For_PartBelowS3sMinimum_Throws()
    {
        // Act / Assert
        Assert.That(() => PartPlan.For(10 * MiB, MiB), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
