using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Encoding;

public sealed class LoudnessReportTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Test]
    public void Read_TwoFrames_TheLastFramesValuesAndTheLoudestChannelsPeakInDb()
    {
        // Arrange: what ametadata=mode=print writes, the running values frame after frame.
        var path = _temp.Combine("loudness.txt");
        File.WriteAllLines(path,
        [
            "frame:0    pts:0       pts_time:0",
            "lavfi.r128.I=-70.000", "lavfi.r128.LRA=0.000", "lavfi.r128.true_peaks_ch0=0.010", "lavfi.r128.true_peaks_ch1=0.020",
            "frame:1    pts:4800    pts_time:0.1",
            "lavfi.r128.M=-18.500", "lavfi.r128.I=-18.840", "lavfi.r128.LRA=2.460", "lavfi.r128.true_peaks_ch0=0.125", "lavfi.r128.true_peaks_ch1=0.5",
        ]);

        // Act
        var loudness = LoudnessReport.Read(path, targetLufs: -16);

        // Assert: 20 log10(0.5) = -6.02 dBTP.
        Assert.That(loudness, Is.EqualTo(new ManifestLoudness(-18.8, 2.5, -6.0, -16)));
    }

    [Test]
    public void Read_MissingOrWithoutValues_Null()
    {
        // Arrange
        var empty = _temp.Combine("empty.txt");
        File.WriteAllText(empty, "frame:0    pts:0       pts_time:0\n");

        // Act / Assert
        Assert.That(LoudnessReport.Read(_temp.Combine("missing.txt"), null), Is.Null);
        Assert.That(LoudnessReport.Read(empty, null), Is.Null);
    }
}
