using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Tests.Probing;

public sealed class PacketScanBuilderTests
{
    private static PacketScan Scan(params string[] lines)
    {
        var builder = new PacketScanBuilder(videoIndex: 0, audioIndexes: new HashSet<int> { 1 });
        foreach (var line in lines)
        {
            builder.Push(line);
        }

        return builder.Build([]);
    }

    [Test]
    public void Build_VideoAndAudio_EndsAtTheLatestPacketEnd()
    {
        // Act
        var scan = Scan("0,0.000000,0.000000,0.040000", "1,0.000000,0.000000,0.021333", "0,3.960000,3.960000,0.040000", "1,4.010667,4.010667,0.021333");

        // Assert
        Assert.That(scan.End.TotalSeconds, Is.EqualTo(4.032).Within(0.0001));
        Assert.That(scan.LastVideoFrame.TotalSeconds, Is.EqualTo(3.96).Within(0.0001));
        Assert.That(scan.VideoPackets, Is.EqualTo(2));
    }

    [Test]
    public void Build_NoPtsOrDuration_UsesDtsAndSkipsTheRest()
    {
        // Act: raw elementary streams and live WebM print N/A where they know nothing.
        var scan = Scan("0,N/A,1.000000,N/A", "0,N/A,N/A,N/A", "garbage", "0,2.0", "0,x,y,z", "0,2.500000,N/A,N/A");

        // Assert
        Assert.That(scan.End.TotalSeconds, Is.EqualTo(2.5));
        Assert.That(scan.VideoPackets, Is.EqualTo(2));
    }

    [Test]
    public void Build_RawElementaryStream_DurationsLaidEndToEnd()
    {
        // Act: ffprobe on a raw .h264 prints no timestamps, only each packet's duration.
        var scan = Scan("0,N/A,N/A,0.040000", "0,N/A,N/A,0.040000", "0,N/A,N/A,0.040000");

        // Assert
        Assert.That(scan.End.TotalSeconds, Is.EqualTo(0.12).Within(0.0001));
        Assert.That(scan.VideoPackets, Is.EqualTo(3));
    }

    [Test]
    public void Build_TenHourJumpInBothStreams_IsTheLargestGap()
    {
        // Act
        var scan = Scan("0,0.0,0.0,0.1", "1,0.0,0.0,0.1", "0,1.0,1.0,0.1", "0,36001.0,36001.0,0.1", "1,36001.0,36001.0,0.1");

        // Assert
        Assert.That(scan.LargestGap.Length.TotalSeconds, Is.EqualTo(35999.9).Within(0.001));
        Assert.That(scan.LargestGap.At.TotalSeconds, Is.EqualTo(1.1).Within(0.001));
    }

    [Test]
    public void Build_OtherStreamsAndHugeValues_Ignored()
    {
        // Act: a subtitle stream far away, absurd timestamps, an infinite duration.
        var scan = Scan("0,0.0,0.0,0.04", "2,90000.0,90000.0,1.0", "0,1e300,1e300,N/A", "0,0.04,0.04,inf");

        // Assert
        Assert.That(scan.End.TotalSeconds, Is.EqualTo(0.04).Within(0.0001));
        Assert.That(scan.LargestGap.Length, Is.EqualTo(TimeSpan.Zero));
    }
}
