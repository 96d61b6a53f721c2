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

        // Assert: from the first packet (1.0) to the last (2.5).
        Assert.That(scan.End.TotalSeconds, Is.EqualTo(1.5));
        Assert.That(scan.Start.TotalSeconds, Is.EqualTo(1.0));
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

    [Test]
    public void Build_ClockStartsHoursIn_TimesFromTheFirstPacket()
    {
        // Act: a broadcast capture whose clock reads 19,207 s.
        var scan = Scan("1,19207.389,19207.389,0.026", "0,19207.400,19207.400,0.04", "0,19211.360,19211.360,0.04", "1,19211.380,19211.380,0.026");

        // Assert
        Assert.That(scan.Start.TotalSeconds, Is.EqualTo(19207.389).Within(1e-6));
        Assert.That(scan.End.TotalSeconds, Is.EqualTo(4.017).Within(1e-6));
        Assert.That(scan.LastVideoFrame.TotalSeconds, Is.EqualTo(3.971).Within(1e-6));
    }

    [Test]
    public void Build_PrimingPacketFlaggedForDiscard_NotPartOfTheTimeline()
    {
        // Act: AAC's priming frame before zero, under an edit list.
        var scan = Scan("1,-0.021333,-0.021333,0.021333,KD", "0,0.0,0.0,0.04,K_", "1,0.0,0.0,0.021333,K_", "0,1.48,1.48,0.04,__");

        // Assert
        Assert.That(scan.Start, Is.EqualTo(TimeSpan.Zero));
        Assert.That(scan.End.TotalSeconds, Is.EqualTo(1.52).Within(1e-6));
    }

    [Test]
    public void Build_KeyframeFlags_KeyframesFromTheStartHalfASecondApartAtLeast()
    {
        // Act: video from 10 s; keyframes at 10, 10.2 (too close to keep), 12 and 14 s; audio keyframes are not the video's.
        var scan = Scan(
            "0,10.0,10.0,0.04,K_", "1,10.0,10.0,0.021333,K_", "0,10.04,10.04,0.04,__", "0,10.2,10.2,0.04,K_",
            "0,12.0,12.0,0.04,K_", "0,13.0,13.0,0.04,__", "0,14.0,14.0,0.04,K_");

        // Assert
        Assert.That(scan.Keyframes.Select(k => k.TotalSeconds), Is.EqualTo(new[] { 0.0, 2.0, 4.0 }).Within(1e-6));
    }

    [Test]
    public void Build_SubtitleCueOutlastsThePicture_OnlyItsEndIsKept()
    {
        // Act: video and sound to 1.07 s, a cue to 1.23 s.
        var scan = Scan("0,0.0,0.0,0.04", "1,0.0,0.0,1.07", "2,0.1,0.1,1.13", "0,0.92,0.92,0.04");

        // Assert
        Assert.That(scan.End.TotalSeconds, Is.EqualTo(1.07).Within(1e-6));
        Assert.That(scan.OtherStreamsEnd!.Value.TotalSeconds, Is.EqualTo(1.23).Within(1e-6));
    }

    [Test]
    public void Build_BFramesInDecodeOrder_IntervalsInPresentationOrder()
    {
        // Act: I P B B at 25 fps, in decode order.
        var scan = Scan("0,0.00,0.00,0.04", "0,0.12,0.04,0.04", "0,0.04,0.08,0.04", "0,0.08,0.12,0.04", "0,0.16,0.16,0.04");

        // Assert
        Assert.That(scan.MovingFrameInterval!.Value.TotalSeconds, Is.EqualTo(0.04).Within(1e-6));
    }

    [Test]
    public void Build_FrameHeldWithNoSound_LongestSilentStill()
    {
        // Act: frames at 0, 1 and 71 s, no audio stream at all.
        var scan = new PacketScanBuilder(0, new HashSet<int>());
        foreach (var line in new[] { "0,0.0,0.0,0.04", "0,1.0,1.0,0.04", "0,71.0,71.0,0.04" })
        {
            scan.Push(line);
        }

        var built = scan.Build([]);

        // Assert
        Assert.That(built.LongestSilentStill.Length.TotalSeconds, Is.EqualTo(70).Within(1e-6));
        Assert.That(built.LongestSilentStill.At.TotalSeconds, Is.EqualTo(1).Within(1e-6));
    }

    [Test]
    public void Build_FrameHeldWhileTheSoundPlays_NoSilentStill()
    {
        // Act: frames at 0 and 71 s, sound throughout.
        var lines = new List<string> { "0,0.0,0.0,0.04", "0,71.0,71.0,0.04" };
        lines.AddRange(Enumerable.Range(0, 72).Select(i => FormattableString.Invariant($"1,{i}.0,{i}.0,1.0")));
        var scan = Scan([.. lines]);

        // Assert
        Assert.That(scan.LongestSilentStill.Length, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Build_SoundStopsWhileThePictureHolds_TheSilentPartCounts()
    {
        // Act: a frame at 0 s and the next at 100 s; sound only for the first 20 s.
        var lines = new List<string> { "0,0.0,0.0,0.04", "0,100.0,100.0,0.04" };
        lines.AddRange(Enumerable.Range(0, 20).Select(i => FormattableString.Invariant($"1,{i}.0,{i}.0,1.0")));
        var scan = Scan([.. lines]);

        // Assert
        Assert.That(scan.LongestSilentStill.Length.TotalSeconds, Is.EqualTo(80).Within(1e-6));
        Assert.That(scan.LongestSilentStill.At.TotalSeconds, Is.EqualTo(20).Within(1e-6));
    }
}
