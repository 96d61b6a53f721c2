using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Packaging;

[Category("Integration")]
public sealed class FragmentedMp4ReaderIntegrationTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Read_SvtAv1Track_CodecStringFromAv1C(CancellationToken cancellationToken)
    {
        // Arrange: SVT-AV1 writes Main profile, 8-bit; the level follows from 160x96 at 25 fps.
        var track = await Clips.Av1Track();
        var level = await MediaFacts.LevelAsync(track, cancellationToken);

        // Act
        var index = FragmentedMp4Reader.Read(track);

        // Assert: av01.<profile 0 = Main>.<seq_level_idx, two digits><tier M>.<8-bit>
        Assert.That(index.Codec, Is.EqualTo($"av01.0.{level:d2}M.08"));
        Assert.That(index.Fragments, Is.Not.Empty);
        Assert.That(index.Fragments.All(f => f.KeyframeLength > 0 && f.KeyframeLength <= f.Length), Is.True);
    }
}
