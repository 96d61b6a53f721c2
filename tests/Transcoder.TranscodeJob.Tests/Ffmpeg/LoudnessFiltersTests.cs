using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Ffmpeg;

public sealed class LoudnessFiltersTests
{
    [Test]
    public void Measure_PathWithFilterSyntax_Escaped()
    {
        // Act
        var filter = LoudnessFilters.Measure("/work/a:b,c/audio.loudness.txt");

        // Assert: ':' escaped for the option, then the backslash and ',' for the graph.
        Assert.That(filter, Is.EqualTo(@"ebur128=peak=true:metadata=1,ametadata=mode=print:file=/work/a\\:b\,c/audio.loudness.txt"));
    }

    [Test]
    public void AudioFilters_Normalisation_LinearLoudnormWithTheMeasuredValuesThenBackTo48kHz()
    {
        // Arrange
        var measured = new ManifestLoudness(-19.4, 3.2, -6.1, null);
        var audio = new AudioPlan(TestMedia.Stereo, 128, new LoudnessNormalisation(new LoudnessTarget(-16, -1), measured));

        // Act
        var filters = FfmpegArguments.AudioFilters(audio, "/ws/audio.loudness.txt");

        // Assert
        Assert.That(filters, Is.EqualTo(
            "aformat=channel_layouts=stereo,"
            + "loudnorm=I=-16:TP=-1:LRA=3.2:measured_I=-19.4:measured_LRA=3.2:measured_TP=-6.1:measured_thresh=-29.4:linear=true:print_format=none,"
            + "aresample=48000,aformat=channel_layouts=stereo,ebur128=peak=true:metadata=1,ametadata=mode=print:file=/ws/audio.loudness.txt"));
    }

    [Test]
    public void AudioFilters_NoNormalisation_DownmixAndMeasurementOnly()
    {
        // Act
        var filters = FfmpegArguments.AudioFilters(new AudioPlan(TestMedia.Stereo with { Channels = 1 }, 96), "/ws/l.txt");

        // Assert
        Assert.That(filters, Is.EqualTo("aformat=channel_layouts=mono,ebur128=peak=true:metadata=1,ametadata=mode=print:file=/ws/l.txt"));
    }
}
