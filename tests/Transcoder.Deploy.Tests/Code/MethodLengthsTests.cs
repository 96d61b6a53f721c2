namespace Transcoder.Deploy.Tests.Code;

/// <summary>No product method is longer than about a screen: past that it is a list of stages waiting for names.</summary>
public sealed class MethodLengthsTests
{
    /// <summary>The most lines a product method may span (docs/architecture.md, "Where the next features land").</summary>
    public const int MaxLines = 60;

    [Test]
    public void OfProduct_EveryMethod_IsAtMostMaxLines()
    {
        // Act
        var methods = MethodLengths.OfProduct();

        // Assert: the longest are listed either way, so a run shows how close the code is to the limit.
        TestContext.Out.WriteLine($"{methods.Count} product methods; the longest (lines, place, name):");
        foreach (var method in methods.Take(15))
        {
            TestContext.Out.WriteLine(method);
        }

        Assert.That(methods, Has.Count.GreaterThan(500), "the product's sources were found and parsed");
        Assert.That(methods.Where(m => m.Lines > MaxLines).Select(m => m.ToString()), Is.Empty);
    }

    [Test]
    public void Of_MethodConstructorAccessorAndTopLevelStatements_CountsTheirLines()
    {
        // Arrange
        const string source = """
            var x = 1;
            System.Console.WriteLine(x);

            sealed class Sample
            {
                /// <summary>Skipped with the attribute.</summary>
                [System.Obsolete]
                public Sample()
                {
                }

                public int Value
                {
                    get
                    {
                        return 1;
                    }
                }

                void Run()
                {
                    int Local() => 2;
                    Local();
                }
            }
            """;

        // Act
        var methods = MethodLengths.Of(source, "Sample.cs").ToDictionary(m => m.Name, m => (m.Line, m.Lines));

        // Assert
        Assert.That(methods["top-level statements"], Is.EqualTo((1, 2)));
        Assert.That(methods["Sample.Sample (constructor)"], Is.EqualTo((8, 3)));
        Assert.That(methods["Sample.Value.get"], Is.EqualTo((14, 4)));
        Assert.That(methods["Sample.Run"], Is.EqualTo((20, 5)));
        Assert.That(methods["Sample.Local (local function)"], Is.EqualTo((22, 1)));
    }
}
