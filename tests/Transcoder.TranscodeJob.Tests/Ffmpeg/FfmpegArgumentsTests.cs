using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Ffmpeg;

public sealed class FfmpegArgumentsTests
{
    private static RenditionPlan Plan(AudioStreamInfo? audio = null, bool toneMap = false, bool deinterlace = false) =>
        new("720p", 1280, 720, new Rational(30000, 1001), 3000, 128, audio, toneMap, deinterlace);

    [Test]
    public void ForRendition_WithAudio_IsTheExpectedList()
    {
        // Act
        var arguments = FfmpegArguments.ForRendition("/work/in/source.mov", 0, Plan(TestMedia.Stereo), new EncoderSettings(), "/work/out/720p.mp4");

        // Assert
        Assert.That(arguments, Is.EqualTo(new[]
        {
            "-hide_banner", "-nostdin", "-y", "-loglevel", "level+warning",
            "-progress", "pipe:1", "-nostats",
            "-protocol_whitelist", "file", "-format_whitelist", FfmpegArguments.AllowedDemuxers,
            "-i", "file:/work/in/source.mov",
            "-map", "0:0", "-map", "0:1",
            "-map_metadata", "-1", "-map_chapters", "-1",
            "-vf", "scale=1280:720,format=yuv420p,setsar=1",
            "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-crf", "23",
            "-maxrate", "3000k", "-bufsize", "6000k", "-pix_fmt", "yuv420p",
            "-r", "30000/1001", "-fps_mode", "cfr",
            "-g", "60", "-keyint_min", "60", "-sc_threshold", "0", "-force_key_frames", "expr:gte(t,n_forced*2)",
            "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-ar", "48000",
            "-sn", "-dn", "-movflags", "+faststart", "-f", "mp4", "file:/work/out/720p.mp4",
        }));
    }

    [Test]
    public void ForRendition_NoAudio_DropsAudio()
    {
        // Act
        var arguments = FfmpegArguments.ForRendition("/in.mp4", 0, Plan(), new EncoderSettings(), "/out.mp4");

        // Assert
        Assert.That(arguments, Does.Contain("-an"));
        Assert.That(arguments, Does.Not.Contain("-c:a"));
        Assert.That(arguments.Count(a => a == "-map"), Is.EqualTo(1));
    }

    [Test]
    public void ForRendition_SurroundAudio_DownmixesToStereo()
    {
        // Arrange
        var surround = new AudioStreamInfo(3, "ac3", 6, 48000, null, true);

        // Act
        var arguments = FfmpegArguments.ForRendition("/in.mp4", 0, Plan(surround), new EncoderSettings(), "/out.mp4");

        // Assert
        Assert.That(arguments, Does.Contain("0:3"));
        Assert.That(string.Join(' ', arguments), Does.Contain("-ac 2"));
    }

    [TestCase("-rf.mp4")]
    [TestCase("concat:a.mp4|b.mp4")]
    [TestCase("http:example.com-x.mp4")]
    [TestCase("name with spaces ü.mp4")]
    public void ForRendition_HostileFileName_IsAnAbsoluteFileUrl(string name)
    {
        // Act
        var arguments = FfmpegArguments.ForRendition(Path.Combine("/tmp/ws", name), 0, Plan(), new EncoderSettings(), "/tmp/ws/out.mp4");

        // Assert: one argument, never split, never an option, never a protocol other than file.
        var input = arguments[arguments.ToList().IndexOf("-i") + 1];
        Assert.That(input, Is.EqualTo("file:/tmp/ws/" + name));
    }

    [Test]
    public void ForRendition_HdrInterlaced_DeinterlacesToneMapsAndTagsBt709()
    {
        // Act
        var arguments = FfmpegArguments.ForRendition("/in.mp4", 0, Plan(toneMap: true, deinterlace: true), new EncoderSettings(), "/out.mp4");

        // Assert
        var filter = arguments[arguments.ToList().IndexOf("-vf") + 1];
        Assert.That(filter, Does.StartWith("bwdif=mode=send_frame:deint=interlaced,scale=1280:720,zscale=t=linear"));
        Assert.That(filter, Does.EndWith("tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p,setsar=1"));
        Assert.That(string.Join(' ', arguments), Does.Contain("-color_primaries bt709 -color_trc bt709 -colorspace bt709"));
    }

    [Test]
    public void ForRendition_CustomGop_ForcesKeyframesOnThatGrid()
    {
        // Act
        var arguments = FfmpegArguments.ForRendition("/in.mp4", 0, Plan(), new EncoderSettings("slow", 20, 4), "/out.mp4");

        // Assert
        var joined = string.Join(' ', arguments);
        Assert.That(joined, Does.Contain("-preset slow"));
        Assert.That(joined, Does.Contain("-crf 20"));
        Assert.That(joined, Does.Contain("-g 120 -keyint_min 120"));
        Assert.That(joined, Does.Contain("expr:gte(t,n_forced*4)"));
    }

    [Test]
    public void ForPoster_SeeksBeforeInputAndWritesOneJpeg()
    {
        // Act
        var arguments = FfmpegArguments.ForPoster("/in.mp4", 2, TimeSpan.FromSeconds(1.2345), Plan(), "/poster.jpg");

        // Assert
        Assert.That(arguments, Is.EqualTo(new[]
        {
            "-hide_banner", "-nostdin", "-y", "-loglevel", "level+warning",
            "-protocol_whitelist", "file", "-format_whitelist", FfmpegArguments.AllowedDemuxers,
            "-ss", "1.235", "-i", "file:/in.mp4", "-map", "0:2", "-map_metadata", "-1", "-frames:v", "1",
            "-vf", "scale=1280:720,format=yuvj420p,setsar=1", "-q:v", "3", "-f", "image2", "-update", "1", "file:/poster.jpg",
        }));
    }

    [Test]
    public void ForProbe_RestrictsProtocolsAndDemuxers()
    {
        // Act
        var arguments = FfmpegArguments.ForProbe("/ws/source");

        // Assert
        Assert.That(arguments, Is.EqualTo(new[]
        {
            "-v", "error", "-hide_banner", "-protocol_whitelist", "file", "-format_whitelist", FfmpegArguments.AllowedDemuxers,
            "-print_format", "json", "-show_format", "-show_streams", "file:/ws/source",
        }));
    }
}
