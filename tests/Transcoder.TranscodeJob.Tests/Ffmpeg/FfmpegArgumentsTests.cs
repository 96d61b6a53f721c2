using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Limits;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Quality;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Ffmpeg;

public sealed class FfmpegArgumentsTests
{
    private static SourceInput Source(string path) => new(path, SourceLimits.DefaultMaxPixelsPerFrame);

    // What every run on the untrusted source says before -i: no banner, levels on, the allocation cap, local files,
    // known demuxers, the stream cap, the transcoded decoders only, the pixel cap.
    private static readonly string[] SourcePreamble =
    [
        "-hide_banner", "-nostdin", "-y", "-loglevel", "level+warning",
        "-progress", "pipe:1", "-nostats",
        "-max_alloc", "536870912", "-protocol_whitelist", "file",
        "-format_whitelist", FfmpegArguments.AllowedDemuxers, "-max_streams", "65",
        "-codec_whitelist", Decoders.Transcoded, "-max_pixels", "35389440",
    ];

    private static RenditionPlan Plan(bool toneMap = false, bool deinterlace = false) =>
        new("720p", 1280, 720, new Rational(30000, 1001), 3000, 128, toneMap, deinterlace);

    [Test]
    public void ForRendition_VideoTrack_IsTheExpectedList()
    {
        // Act
        var arguments = FfmpegArguments.ForRendition(Source("/work/in/source.mov"), 0, Plan(), new EncoderSettings(), "/work/out/720p.cmfv");

        // Assert
        Assert.That(arguments, Is.EqualTo((string[])
        [
            .. SourcePreamble,
            "-i", "file:/work/in/source.mov",
            "-map", "0:0",
            "-vf", "fps=30000/1001:eof_action=pass,scale=1280:720,format=yuv420p,setsar=1",
            "-map_metadata", "-1", "-map_chapters", "-1",
            "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-a53cc", "0", "-crf", "23",
            "-maxrate", "3000k", "-bufsize", "6000k", "-pix_fmt", "yuv420p",
            "-r", "30000/1001", "-fps_mode", "cfr",
            "-g", "60", "-keyint_min", "60", "-sc_threshold", "0", "-force_key_frames", "expr:gt(floor(n*1001/60000),floor((n-1)*1001/60000))",
            "-an", "-sn", "-dn",
            "-f", "mp4", "-movflags", "+cmaf+frag_keyframe+empty_moov+default_base_moof+skip_trailer", "file:/work/out/720p.cmfv",
        ]));
    }

    [Test]
    public void ForAudio_SurroundTrack_OneStereoAacCmafTrackCutAtTheSpan()
    {
        // Arrange
        var surround = new AudioStreamInfo(3, "ac3", 6, 48000, null, true);

        // Act
        var arguments = FfmpegArguments.ForAudio(
            Source("/in.mp4"), new AudioPlan(surround, 128) { Duration = TimeSpan.FromSeconds(4.5) }, new EncoderSettings(), "/audio.cmfa");

        // Assert
        var joined = string.Join(' ', arguments);
        Assert.That(joined, Does.Contain("-map 0:3 "));
        Assert.That(joined, Does.Contain("-vn -sn -dn -c:a aac -b:a 128k -ac 2 -ar 48000"));
        Assert.That(joined, Does.Contain("-t 4.5 -frag_duration 2000000 -f mp4 -movflags +cmaf+empty_moov+default_base_moof+skip_trailer file:/audio.cmfa"));
    }

    [Test]
    public void ForAudio_MonoTrack_StaysMono()
    {
        // Act
        var arguments = FfmpegArguments.ForAudio(
            Source("/in.mp4"), new AudioPlan(new AudioStreamInfo(1, "mp3", 1, 44100, null, true), 96), new EncoderSettings(), "/audio.cmfa");

        // Assert
        Assert.That(string.Join(' ', arguments), Does.Contain("-ac 1 -ar 48000 -af aformat=channel_layouts=mono,ebur128"));
    }

    [Test]
    public void ForLadder_TwoRungsAndTwoAudioTracks_DecodesOnceAndSplitsToTheRungsAlone()
    {
        // Arrange
        var plans = new[] { Plan(), Plan() with { Name = "360p", Width = 640, Height = 360, VideoKbps = 800, AudioKbps = 96 } };
        var audio = new[]
        {
            new AudioPlan(TestMedia.Stereo, 128) { Name = "audio-en-1" },
            new AudioPlan(TestMedia.Stereo with { Index = 2, Language = "fra", IsDefault = false }, 128) { Name = "audio-fr-2" },
        };

        // Act
        var arguments = FfmpegArguments.ForLadder(
            Source("/in.mov"), 0, plans, new EncoderSettings(), ["/ws/720p.cmfv", "/ws/360p.cmfv"], audio, ["/ws/audio-en-1.cmfa", "/ws/audio-fr-2.cmfa"]);

        // Assert: one input, one graph whose only sinks are the rungs, four outputs in a known order.
        var joined = string.Join(' ', arguments);
        Assert.That(arguments.Count(a => a == "-i"), Is.EqualTo(1));
        Assert.That(arguments[arguments.ToList().IndexOf("-filter_complex") + 1], Is.EqualTo(
            "[0:0]fps=30000/1001:eof_action=pass,split=2[s0][s1];[s0]scale=1280:720,format=yuv420p,setsar=1[v0];[s1]scale=640:360,format=yuv420p,setsar=1[v1]"));
        Assert.That(arguments.Where(a => a.StartsWith("file:/ws/", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "file:/ws/720p.cmfv", "file:/ws/360p.cmfv", "file:/ws/audio-en-1.cmfa", "file:/ws/audio-fr-2.cmfa",
        }));
        Assert.That(joined, Does.Contain("-map [v0] -map_metadata -1 -map_chapters -1 -c:v libx264"));
        Assert.That(joined, Does.Contain("-maxrate 800k -bufsize 1600k"));
        Assert.That(joined, Does.Contain("-map 0:1 -map_metadata -1 -map_chapters -1 -vn -sn -dn -c:a aac -b:a 128k"));
        Assert.That(joined, Does.Contain("-map 0:2 -map_metadata -1 -map_chapters -1 -vn -sn -dn -c:a aac -b:a 128k"));
        Assert.That(arguments.Count(a => a == "-c:a"), Is.EqualTo(2), "each track encoded once");
        Assert.That(joined, Does.Contain("file=/ws/audio-en-1.loudness.txt").And.Contain("file=/ws/audio-fr-2.loudness.txt"), "each track measured into its own report");
        Assert.That(joined, Does.Not.Contain("tile="), "the storyboard is made from a finished rendition");
    }

    [Test]
    public void ForRendition_Av1Twin_SvtAv1UnderItsCapOnTheSameKeyframeGrid()
    {
        // Arrange
        var plan = Plan() with { Name = "720p-av1", VideoKbps = 2000, Codec = VideoCodecs.Av1 };

        // Act
        var arguments = FfmpegArguments.ForRendition(Source("/work/in/source.mov"), 0, plan, new EncoderSettings { Av1 = new Av1Settings(9, 37) }, "/work/out/720p-av1.cmfv");

        // Assert: the H.264 rung's timing and CMAF muxing, SVT-AV1 told to honour the forced keyframes.
        Assert.That(arguments.SkipWhile(a => a != "-map_metadata"), Is.EqualTo((string[])
        [
            "-map_metadata", "-1", "-map_chapters", "-1",
            "-c:v", "libsvtav1", "-preset", "9", "-crf", "37", "-svtav1-params", "enable-force-key-frames=1",
            "-maxrate", "2000k", "-bufsize", "4000k", "-pix_fmt", "yuv420p",
            "-r", "30000/1001", "-fps_mode", "cfr",
            "-g", "60", "-keyint_min", "60", "-sc_threshold", "0", "-force_key_frames", "expr:gt(floor(n*1001/60000),floor((n-1)*1001/60000))",
            "-an", "-sn", "-dn",
            "-f", "mp4", "-movflags", "+cmaf+frag_keyframe+empty_moov+default_base_moof+skip_trailer", "file:/work/out/720p-av1.cmfv",
        ]));
    }

    [Test]
    public void ForLadder_RungsWithAv1Twins_OneDecodeOneScalePerSizeEveryOutput()
    {
        // Arrange: 720p and 360p in H.264, then the 360p's AV1 twin.
        var p360 = Plan() with { Name = "360p", Width = 640, Height = 360, VideoKbps = 800 };
        var plans = new[] { Plan(), p360, p360 with { Name = "360p-av1", VideoKbps = 550, Codec = VideoCodecs.Av1 } };

        // Act
        var arguments = FfmpegArguments.ForLadder(
            Source("/in.mov"), 0, plans, new EncoderSettings(), ["/ws/720p.cmfv", "/ws/360p.cmfv", "/ws/360p-av1.cmfv"], [], []);

        // Assert: the twin takes the 360p's scaled frames; outputs in the plans' order.
        Assert.That(arguments.Count(a => a == "-i"), Is.EqualTo(1));
        Assert.That(arguments[arguments.ToList().IndexOf("-filter_complex") + 1], Is.EqualTo(
            "[0:0]fps=30000/1001:eof_action=pass,split=2[s0][s1];[s0]scale=1280:720,format=yuv420p,setsar=1[v0];[s1]scale=640:360,format=yuv420p,setsar=1,split=2[v1][v2]"));
        var joined = string.Join(' ', arguments);
        Assert.That(joined, Does.Contain("-map [v1] -map_metadata -1 -map_chapters -1 -c:v libx264"));
        Assert.That(joined, Does.Contain("-map [v2] -map_metadata -1 -map_chapters -1 -c:v libsvtav1"));
        Assert.That(arguments.Where(a => a.StartsWith("file:/ws/", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "file:/ws/720p.cmfv", "file:/ws/360p.cmfv", "file:/ws/360p-av1.cmfv",
        }));
    }

    [Test]
    public void ForLadder_AudioOnly_NoGraphOnlyTheAudioOutputs()
    {
        // Act
        var arguments = FfmpegArguments.ForLadder(
            Source("/in.mp3"), null, [], new EncoderSettings(), [], [new AudioPlan(TestMedia.Stereo with { Index = 0 }, 128)], ["/ws/audio.cmfa"]);

        // Assert
        Assert.That(arguments, Does.Not.Contain("-filter_complex").And.Not.Contain("-c:v"));
        Assert.That(string.Join(' ', arguments), Does.Contain("-i file:/in.mp3 -map 0:0 ").And.EndWith("file:/ws/audio.cmfa"));
    }

    [Test]
    public void ForLadder_HdrInterlaced_DeinterlacesAndToneMapsOnceBeforeTheSplit()
    {
        // Arrange
        var top = Plan(toneMap: true, deinterlace: true);
        var plans = new[] { top, top with { Name = "360p", Width = 640, Height = 360 } };

        // Act
        var graph = FfmpegArguments.LadderFilterGraph(0, plans);

        // Assert
        Assert.That(graph, Does.StartWith("[0:0]bwdif=mode=send_frame:deint=interlaced,fps=30000/1001:eof_action=pass,scale=1280:720,zscale=t=linear"));
        Assert.That(graph.Split(';')[0], Does.EndWith("zscale=t=bt709:m=bt709:r=tv,format=yuv420p,split=2[s0][s1]"));
        Assert.That(graph.Split("tonemap=hable").Length - 1, Is.EqualTo(1), "tone-mapped once");
        Assert.That(graph.Split("bwdif").Length - 1, Is.EqualTo(1), "deinterlaced once");
    }

    [Test]
    public void ForLadder_KeptReference_OneMoreBranchSelectingTheWindowsFramesBeforeItsScale()
    {
        // Arrange: a 360p ladder measured at 720p (its 720p rung dropped), one window of 1 s from 10 s.
        var small = Plan() with { Name = "360p", Width = 640, Height = 360 };
        var kept = new KeptReference("/ws/ref.nut", Plan(), [new QualityWindow(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1))]);

        // Act
        var arguments = FfmpegArguments.ForLadder(Source("/in.mov"), 0, [small], new EncoderSettings(), ["/ws/360p.cmfv"], [], [], kept);

        // Assert: frames numbered on the renditions' timeline, the window's (and frame 0) selected, then scaled; raw, last.
        var graph = arguments[arguments.ToList().IndexOf("-filter_complex") + 1];
        Assert.That(graph, Does.Contain("split=2[s0][s1];[s0]scale=640:360,format=yuv420p,setsar=1[v0];"));
        Assert.That(graph, Does.EndWith(
            "[s1]fps=30000/1001:start_time=0,settb=1/(30000/1001),setpts=N,select='gt(between(n,0,0)+between(n,298,331),0)',scale=1280:720,format=yuv420p,setsar=1[reference]"));
        Assert.That(string.Join(' ', arguments), Does.EndWith("-map [reference] -map_metadata -1 -c:v rawvideo -fps_mode passthrough -an -sn -dn -f nut file:/ws/ref.nut"));
        Assert.That(FfmpegArguments.LadderOutputNames([small], [], keepsReference: true), Is.EqualTo(new[] { "360p", "the quality reference" }));
    }

    [Test]
    public void ForQualityWindow_KeptReference_TheWindowReadFromItNotTheSource()
    {
        // Arrange
        var kept = new KeptReference("/ws/ref.nut", Plan(), [new QualityWindow(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(0.5))]);
        FfmpegArguments.MeasuredTrack[] tracks = [new("/ws/360p.cmfv", "/ws/s0.log", "/ws/p0.log")];

        // Act
        var arguments = FfmpegArguments.ForQualityWindows(kept, kept.Windows, tracks);

        // Assert: the same window of the kept pictures (sought a quarter frame before it) and of the rendition (at its
        // keyframe), both numbered frame by frame from the seek; no head filters, no scale on the reference side.
        var joined = string.Join(' ', arguments);
        Assert.That(joined, Does.Contain("-ss 9.991658 -t 0.5 -threads 1 -i file:/ws/ref.nut -ss 10 -t 0.5 -threads 1 -i file:/ws/360p.cmfv"));
        Assert.That(arguments[arguments.ToList().IndexOf("-filter_complex") + 1], Does.StartWith(
            "[0:v:0]settb=1/(30000/1001),setpts=N,split=2[ref0s][ref0p];"
            + "[1:v:0]scale=1280:720:flags=bicubic,format=yuv420p,setsar=1,settb=1/(30000/1001),setpts=N,split=2[out0s][out0p];"));
    }

    [Test]
    public void ForQualityWindows_TwoWindows_EachSideJoinedInOrderThenNumberedAndCompared()
    {
        // Arrange
        QualityWindow[] windows = [new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(0.5)), new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(0.5))];
        var kept = new KeptReference("/ws/ref.nut", Plan(), windows);
        FfmpegArguments.MeasuredTrack[] tracks = [new("/ws/720p.cmfv", "/ws/s0.log", "/ws/p0.log"), new("/ws/360p.cmfv", "/ws/s1.log", "/ws/p1.log")];

        // Act
        var arguments = FfmpegArguments.ForQualityWindows(kept, windows, tracks);

        // Assert: inputs 0-1 the kept windows, 2-3 the 720p's, 4-5 the 360p's; one graph joins each side's in that order.
        var joined = string.Join(' ', arguments);
        Assert.That(joined, Does.Contain(
            "-ss 1.991658 -t 0.5 -threads 1 -i file:/ws/ref.nut -ss 9.991658 -t 0.5 -threads 1 -i file:/ws/ref.nut "
            + "-ss 2 -t 0.5 -threads 1 -i file:/ws/720p.cmfv -ss 10 -t 0.5 -threads 1 -i file:/ws/720p.cmfv "
            + "-ss 2 -t 0.5 -threads 1 -i file:/ws/360p.cmfv -ss 10 -t 0.5 -threads 1 -i file:/ws/360p.cmfv -filter_complex"));
        var graph = arguments[arguments.ToList().IndexOf("-filter_complex") + 1];
        Assert.That(graph, Does.StartWith("[0:v:0][1:v:0]concat=n=2:v=1:a=0,settb=1/(30000/1001),setpts=N,split=4[ref0s][ref0p][ref1s][ref1p];"));
        Assert.That(graph, Does.Contain("[2:v:0][3:v:0]concat=n=2:v=1:a=0,scale=1280:720:flags=bicubic,format=yuv420p,setsar=1,settb=1/(30000/1001),setpts=N,split=2[out0s][out0p];"));
        Assert.That(graph, Does.Contain("[4:v:0][5:v:0]concat=n=2:v=1:a=0,scale=1280:720:flags=bicubic,format=yuv420p,setsar=1,settb=1/(30000/1001),setpts=N,split=2[out1s][out1p];"));
        Assert.That(joined, Does.EndWith("-map [ssim0] -map [psnr0] -map [ssim1] -map [psnr1] -f null -"));
    }

    [Test]
    public void LadderFilterGraph_FasterSource_FrameRateFixedAtTheHeadBeforeAnyScaling()
    {
        // Arrange: a 120 fps source planned at 60.
        var plans = new[] { Plan() with { FrameRate = new Rational(60, 1) }, Plan() with { Name = "360p", Width = 640, Height = 360, FrameRate = new Rational(60, 1) } };

        // Act
        var graph = FfmpegArguments.LadderFilterGraph(0, plans);

        // Assert: the extra frames go before the split, so no rung scales them.
        Assert.That(graph.IndexOf("fps=60:eof_action=pass", StringComparison.Ordinal), Is.LessThan(graph.IndexOf("split", StringComparison.Ordinal)));
        Assert.That(graph.Split("fps=").Length - 1, Is.EqualTo(1));
    }

    [Test]
    public void LadderOutputNames_InOutputOrder()
    {
        // Act
        var names = FfmpegArguments.LadderOutputNames(
            [Plan(), Plan() with { Name = "360p" }], [new AudioPlan(TestMedia.Stereo, 128) { Name = "audio-en-1" }, new AudioPlan(TestMedia.Stereo, 128) { Name = "audio-fr-2" }]);

        // Assert
        Assert.That(names, Is.EqualTo(new[] { "720p", "360p", "audio-en-1", "audio-fr-2" }));
    }

    [Test]
    public void ForProgressive_CopiesVideoAndAudioWithFaststart()
    {
        // Act
        var arguments = FfmpegArguments.ForProgressive([new ProgressiveCopy("/ws/720p.cmfv", "/ws/720p.mp4")], "/ws/audio.cmfa");

        // Assert
        Assert.That(string.Join(' ', arguments), Does.EndWith(
            "-i file:/ws/720p.cmfv -i file:/ws/audio.cmfa -map 0:v:0 -map 1:a:0 -c copy -map_metadata -1 -movflags +faststart -f mp4 file:/ws/720p.mp4"));
    }

    [Test]
    public void ForProgressive_SeveralRenditions_OneProcessEachFileItsOwnVideoAndTheOneAudio()
    {
        // Act
        var arguments = FfmpegArguments.ForProgressive(
            [new ProgressiveCopy("/ws/720p.cmfv", "/ws/720p.mp4"), new ProgressiveCopy("/ws/360p.cmfv", "/ws/360p.mp4")], "/ws/audio.cmfa");

        // Assert: the audio is read once, after the videos, and mapped into both files.
        var joined = string.Join(' ', arguments);
        Assert.That(arguments.Count(a => a == "-i"), Is.EqualTo(3));
        Assert.That(joined, Does.EndWith(
            "-map 0:v:0 -map 2:a:0 -c copy -map_metadata -1 -movflags +faststart -f mp4 file:/ws/720p.mp4 "
            + "-map 1:v:0 -map 2:a:0 -c copy -map_metadata -1 -movflags +faststart -f mp4 file:/ws/360p.mp4"));
        Assert.That(joined.IndexOf("file:/ws/360p.cmfv", StringComparison.Ordinal), Is.LessThan(joined.IndexOf("file:/ws/audio.cmfa", StringComparison.Ordinal)));
    }

    [Test]
    public void ForProgressive_NoSound_VideoAlone()
    {
        // Act
        var arguments = FfmpegArguments.ForProgressive([new ProgressiveCopy("/ws/720p.cmfv", "/ws/720p.mp4")], null);

        // Assert
        Assert.That(string.Join(' ', arguments), Does.EndWith(
            "-i file:/ws/720p.cmfv -map 0:v:0 -c copy -map_metadata -1 -movflags +faststart -f mp4 file:/ws/720p.mp4"));
    }

    [Test]
    public void ForProgressive_AudioOnly_CopiesTheAudioTrackAlone()
    {
        // Act
        var arguments = FfmpegArguments.ForProgressive([new ProgressiveCopy(null, "/ws/audio.m4a")], "/ws/audio.cmfa");

        // Assert
        Assert.That(string.Join(' ', arguments), Does.EndWith(
            "-protocol_whitelist file -i file:/ws/audio.cmfa -map 0:a:0 -c copy -map_metadata -1 -movflags +faststart -f mp4 file:/ws/audio.m4a"));
    }

    [Test]
    public void ForCoverArtPoster_OnlyPictureDecodersOneScaledJpeg()
    {
        // Act
        var arguments = FfmpegArguments.ForCoverArtPoster(Source("/in.mp3"), 1, 600, 600, "/poster.jpg");

        // Assert
        var joined = string.Join(' ', arguments);
        Assert.That(joined, Does.Contain("-codec_whitelist " + Decoders.CoverArt + " "));
        Assert.That(joined, Does.EndWith("-i file:/in.mp3 -map 0:1 -map_metadata -1 -frames:v 1 -vf scale=600:600,format=yuvj420p -q:v 3 -f image2 -update 1 file:/poster.jpg"));
    }

    [TestCase("-rf.mp4")]
    [TestCase("concat:a.mp4|b.mp4")]
    [TestCase("http:example.com-x.mp4")]
    [TestCase("name with spaces ü.mp4")]
    public void ForRendition_HostileFileName_IsAnAbsoluteFileUrl(string name)
    {
        // Act
        var arguments = FfmpegArguments.ForRendition(Source(Path.Combine("/tmp/ws", name)), 0, Plan(), new EncoderSettings(), "/tmp/ws/out.mp4");

        // Assert: one argument, never split, never an option, never a protocol other than file.
        var input = arguments[arguments.ToList().IndexOf("-i") + 1];
        Assert.That(input, Is.EqualTo("file:/tmp/ws/" + name));
    }

    [Test]
    public void ForRendition_HdrInterlaced_DeinterlacesToneMapsAndTagsBt709()
    {
        // Act
        var arguments = FfmpegArguments.ForRendition(Source("/in.mp4"), 0, Plan(toneMap: true, deinterlace: true), new EncoderSettings(), "/out.mp4");

        // Assert
        var filter = arguments[arguments.ToList().IndexOf("-vf") + 1];
        Assert.That(filter, Does.StartWith("bwdif=mode=send_frame:deint=interlaced,fps=30000/1001:eof_action=pass,scale=1280:720,zscale=t=linear"));
        Assert.That(filter, Does.EndWith("tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p,scale=1280:720,format=yuv420p,setsar=1"));
        Assert.That(string.Join(' ', arguments), Does.Contain("-color_primaries bt709 -color_trc bt709 -colorspace bt709"));
    }

    [Test]
    public void ForRendition_CustomGop_ForcesKeyframesOnThatGrid()
    {
        // Act
        var arguments = FfmpegArguments.ForRendition(Source("/in.mp4"), 0, Plan(), new EncoderSettings("slow", 20, 4), "/out.mp4");

        // Assert
        var joined = string.Join(' ', arguments);
        Assert.That(joined, Does.Contain("-preset slow"));
        Assert.That(joined, Does.Contain("-crf 20"));
        Assert.That(joined, Does.Contain("-g 120 -keyint_min 120"));
        Assert.That(joined, Does.Contain("expr:gt(floor(n*1001/120000),floor((n-1)*1001/120000))"));
    }

    [Test]
    public void ForPoster_SourceWhoseSeekLandsOnAnyFrame_ReadsFromASecondBeforeItsKeyframeWithTheTimesShiftedBackAsMuch()
    {
        // Arrange: an MPEG-TS source with keyframes at 0, 4 and 8 s whose picture starts 0.5 s after its container.
        var source = Source("/in.ts") with
        {
            LeadIn = TimeSpan.FromSeconds(0.5),
            SeekKeyframes = KeyframeSeeking.KeyframesFor("mpegts", [TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)]),
        };

        // Act
        var arguments = FfmpegArguments.ForPoster(source, 0, TimeSpan.FromSeconds(6.25), Plan(), "/poster.jpg");

        // Assert: the read starts at 3 s of the picture (3.5 s of the container), and the times count from 6.25 s as
        // after a seek there: shifted back by the lead-in, the 3.25 s read ahead and the microsecond that pins the zero;
        // no shift that large is taken for a discontinuity (10 s past the lead-in and the 30 s most read ahead).
        var input = string.Join(' ', arguments.TakeWhile(a => a != "-i"));
        Assert.That(input, Does.EndWith("-max_pixels 35389440 -dts_delta_threshold 40.5 -itsoffset -3.750001 -ss 3.5"));
    }

    [Test]
    public void ForRendition_SystemStream_OffsetByAMicrosecondSoThatFfmpegKeepsTheContainersZeroAndTheJumpThresholdRaised()
    {
        // Act: a transport stream read from its start, with no lead-in.
        var arguments = FfmpegArguments.ForRendition(Source("/in.ts") with { SeekKeyframes = KeyframeSeeking.KeyframesFor("mpegts", []) }, 0, Plan(), new EncoderSettings(), "/o.cmfv");

        // Assert
        Assert.That(string.Join(' ', arguments.TakeWhile(a => a != "-i")), Does.EndWith("-max_pixels 35389440 -dts_delta_threshold 40 -itsoffset -0.000001"));
    }

    [Test]
    public void ForPoster_SeeksBeforeInputAndWritesOneJpeg()
    {
        // Act
        var arguments = FfmpegArguments.ForPoster(Source("/in.mp4"), 2, TimeSpan.FromSeconds(1.2345), Plan(), "/poster.jpg");

        // Assert
        Assert.That(arguments, Is.EqualTo(new[]
        {
            "-hide_banner", "-nostdin", "-y", "-loglevel", "level+warning",
            "-max_alloc", "536870912", "-protocol_whitelist", "file",
            "-format_whitelist", FfmpegArguments.AllowedDemuxers, "-max_streams", "65",
            "-codec_whitelist", Decoders.Transcoded, "-max_pixels", "35389440",
            "-ss", "1.235", "-i", "file:/in.mp4", "-map", "0:2", "-map_metadata", "-1", "-frames:v", "1",
            "-vf", "scale=1280:720,format=yuvj420p,setsar=1", "-q:v", "3", "-f", "image2", "-update", "1", "file:/poster.jpg",
        }));
    }

    [Test]
    public void ForProbe_BoundsWhatFfprobeReadsAndOpensByStreamKind()
    {
        // Act
        var arguments = FfmpegArguments.ForProbe(Source("/ws/source"));

        // Assert
        Assert.That(arguments, Is.EqualTo(new[]
        {
            "-v", "error", "-hide_banner", "-max_alloc", "536870912",
            "-protocol_whitelist", "file", "-format_whitelist", FfmpegArguments.AllowedDemuxers,
            "-max_streams", "65", "-probesize", "10000000", "-analyzeduration", "10000000",
            "-codec_whitelist:v", Decoders.Video + "," + Decoders.CoverArt,
            "-codec_whitelist:V", Decoders.Video,
            "-codec_whitelist:a", Decoders.Audio,
            "-codec_whitelist:s", Decoders.Subtitles,
            "-codec_whitelist:d", "none",
            "-codec_whitelist:t", "none",
            "-max_pixels", "35389440", "-threads", "1",
            "-print_format", "json", "-show_format", "-show_streams", "file:/ws/source",
        }));
    }

    [Test]
    public void ForInventory_StreamKindsWithoutDecodingAFrame()
    {
        // Act
        var arguments = FfmpegArguments.ForInventory(Source("/ws/source"));

        // Assert
        Assert.That(string.Join(' ', arguments), Does.EndWith(
            "-nofind_stream_info -show_entries stream=index,codec_type:stream_disposition=attached_pic -print_format csv=p=0 file:/ws/source"));
    }

    [Test]
    public void ForPacketScan_DemuxOnlyCsvOfEveryPacket()
    {
        // Act
        var arguments = FfmpegArguments.ForPacketScan(Source("/ws/source"));

        // Assert
        Assert.That(string.Join(' ', arguments), Does.EndWith(
            "-show_entries packet=stream_index,pts_time,dts_time,duration_time,flags -print_format csv=p=0 file:/ws/source"));
        Assert.That(arguments, Does.Contain(FfmpegArguments.AllowedDemuxers));
        Assert.That(arguments, Does.Contain(Decoders.Subtitles), "the same allow-lists as the header probe");
    }

    [Test]
    public void ForThumbnails_OnePerIntervalFromTheRenditionKeepingTheLastFrame()
    {
        // Arrange
        var storyboard = StoryboardPlan.For(TimeSpan.FromSeconds(30), 640, 360);

        // Act
        var joined = string.Join(' ', FfmpegArguments.ForThumbnails("/ws/360p.cmfv", storyboard, "/ws/thumbnail-%05d.png"));

        // Assert
        Assert.That(joined, Does.Contain("-i file:/ws/360p.cmfv -map 0:v:0"));
        Assert.That(joined, Does.Contain("-vf fps=1/1:eof_action=pass,scale=160:90,setsar=1,format=rgb24 -frames:v 30"));
        Assert.That(joined, Does.EndWith("-c:v png -f image2 -start_number 0 file:/ws/thumbnail-%05d.png"));
    }

    [Test]
    public void ForSheets_TilesTheThumbnailsOntoJpegs()
    {
        // Arrange
        var storyboard = StoryboardPlan.For(TimeSpan.FromSeconds(30), 640, 360);

        // Act
        var joined = string.Join(' ', FfmpegArguments.ForSheets("/ws/thumbnail-%05d.png", storyboard, "/ws/storyboard-%03d.jpg"));

        // Assert
        Assert.That(joined, Does.Contain("-f image2 -framerate 1 -start_number 0 -i file:/ws/thumbnail-%05d.png -vf tile=10x3,format=yuvj420p -c:v mjpeg -q:v 5"));
        Assert.That(joined, Does.EndWith("-f image2 -start_number 0 file:/ws/storyboard-%03d.jpg"));
    }

    [Test]
    public void ForRendition_LongStillTailAndKnownDuration_HoldsTheLastFrameAndStopsAtTheEnd()
    {
        // Arrange: a 8.7 s source whose last frame starts at 7.3 s.
        var plan = Plan() with { Duration = TimeSpan.FromSeconds(8.7), LastFrameHold = TimeSpan.FromSeconds(1.4) };

        // Act
        var arguments = FfmpegArguments.ForRendition(Source("/in.mkv"), 0, plan, new EncoderSettings(), "/out.cmfv");

        // Assert
        Assert.That(arguments[arguments.ToList().IndexOf("-vf") + 1], Does.StartWith("fps=30000/1001:eof_action=pass,tpad=stop_mode=clone:stop_duration=1.4,scale=1280:720"));
        Assert.That(string.Join(' ', arguments), Does.Contain("-t 8.7 "));
    }

    [Test]
    public void ForRendition_OrdinaryLastFrame_NoHold()
    {
        // Act: a last frame held one frame long is every video's.
        var plan = Plan() with { Duration = TimeSpan.FromSeconds(10), LastFrameHold = TimeSpan.FromSeconds(0.034) };
        var arguments = FfmpegArguments.ForRendition(Source("/in.mp4"), 0, plan, new EncoderSettings(), "/out.cmfv");

        // Assert
        Assert.That(string.Join(' ', arguments), Does.Not.Contain("tpad"));
    }

    [Test]
    public void ForLadder_RungWithItsOwnFactor_EncodesItAtItsFactorTheOthersAtTheLadders()
    {
        // Arrange: the per-title ladder gave 360p its own factor.
        var plans = new[] { Plan(), Plan() with { Name = "360p", Width = 640, Height = 360, VideoKbps = 800, Crf = 31 } };

        // Act
        var arguments = FfmpegArguments.ForLadder(Source("/in.mov"), 0, plans, new EncoderSettings(), ["/ws/720p.cmfv", "/ws/360p.cmfv"], [], []);

        // Assert
        var joined = string.Join(' ', arguments);
        Assert.That(joined, Does.Contain("-crf 23 -maxrate 3000k -bufsize 6000k"));
        Assert.That(joined, Does.Contain("-crf 31 -maxrate 800k -bufsize 1600k"));
    }

    [Test]
    public void ForTrialEncodes_TwoWindowsTwoRungs_JoinsTheWindowsAndEncodesEveryTrialWithTheRungsOptions()
    {
        // Arrange
        var plans = new[] { Plan(), Plan() with { Name = "360p", Width = 640, Height = 360, VideoKbps = 800 } };
        FfmpegArguments.TrialEncode[] trials = [new(0, 23, "/ws/a.h264"), new(1, 23, "/ws/b.h264"), new(1, 35, "/ws/c.h264")];
        FfmpegArguments.SourceWindow[] windows = [new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(0.5)), new(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(0.5))];

        // Act
        var arguments = FfmpegArguments.ForTrialEncodes(Source("/in.mov"), 0, plans, new EncoderSettings(), windows, trials);

        // Assert: each window read once, joined, split to the rungs, each trial its rung's encoder at its factor, raw, without SEI.
        var joined = string.Join(' ', arguments);
        Assert.That(arguments.Count(a => a == "-i"), Is.EqualTo(2));
        Assert.That(joined, Does.Contain("-ss 10 -t 0.5 -threads 1 -i file:/in.mov"), "a window decodes with one thread");
        Assert.That(joined, Does.Contain("-ss 40 -t 0.5 -threads 1 -i file:/in.mov"));
        Assert.That(arguments[arguments.ToList().IndexOf("-filter_complex") + 1], Is.EqualTo(
            "[0:0]setpts=PTS-STARTPTS,fps=30000/1001:eof_action=pass[w0];[1:0]setpts=PTS-STARTPTS,fps=30000/1001:eof_action=pass[w1];[w0][w1]concat=n=2:v=1:a=0,split=2[a0][a1];"
            + "[a0]scale=1280:720,format=yuv420p,setsar=1,split=1[t0];[a1]scale=640:360,format=yuv420p,setsar=1,split=2[t1][t2]"));
        Assert.That(joined, Does.Contain("-map [t0] -map_metadata -1 -c:v libx264 -preset veryfast -profile:v high -a53cc 0 -crf 23 -maxrate 3000k -bufsize 6000k"));
        Assert.That(joined, Does.Contain("-map [t2] -map_metadata -1 -c:v libx264 -preset veryfast -profile:v high -a53cc 0 -crf 35 -maxrate 800k -bufsize 1600k"));
        Assert.That(joined, Does.Contain("-t 1 -an -sn -dn -bsf:v filter_units=remove_types=6 -f h264 file:/ws/c.h264"));
        Assert.That(arguments.Count(a => a == "-g"), Is.EqualTo(3), "each trial in the encode's GOP");
        Assert.That(joined, Does.Contain("-crf 35 -maxrate 800k -bufsize 1600k -pix_fmt yuv420p -threads 1 "), "x264 without frame threads on a second of frames");
    }

    [Test]
    public void ForTrialEncodes_ReferencePath_TheLargestRungsPicturesKeptRawBesideItsTrials()
    {
        // Arrange
        var plans = new[] { Plan(), Plan() with { Name = "360p", Width = 640, Height = 360, VideoKbps = 800 } };
        FfmpegArguments.TrialEncode[] trials = [new(0, 23, "/ws/a.h264"), new(1, 23, "/ws/b.h264")];
        FfmpegArguments.SourceWindow[] windows = [new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(0.5))];

        // Act
        var arguments = FfmpegArguments.ForTrialEncodes(Source("/in.mov"), 0, plans, new EncoderSettings(), windows, trials, "/ws/ref.nut");

        // Assert: the top rung's one scale feeds its trial and the reference; every picture written as made.
        var graph = arguments[arguments.ToList().IndexOf("-filter_complex") + 1];
        Assert.That(graph, Does.Contain("[a0]scale=1280:720,format=yuv420p,setsar=1,split=2[t0][reference];[a1]scale=640:360,format=yuv420p,setsar=1,split=1[t1]"));
        Assert.That(string.Join(' ', arguments), Does.EndWith("-map [reference] -map_metadata -1 -c:v rawvideo -fps_mode passthrough -an -sn -dn -f nut file:/ws/ref.nut"));
    }

    [Test]
    public void ForTrialQuality_KeptReference_ReadInsteadOfTheSourcesWindows()
    {
        // Arrange
        FfmpegArguments.MeasuredTrial[] trials = [new("/ws/a.h264", "/ws/a.log", "/ws/a.psnr"), new("/ws/b.h264", "/ws/b.log", "/ws/b.psnr")];

        // Act
        var arguments = FfmpegArguments.ForTrialQuality("/ws/ref.nut", Plan(), trials);

        // Assert: one decoder for the reference, numbered frame by frame as the trials are; no head filters, no scale.
        var joined = string.Join(' ', arguments);
        Assert.That(joined, Does.Contain("-threads 1 -i file:/ws/ref.nut -framerate 30000/1001 -f h264 -threads 1 -i file:/ws/a.h264"));
        Assert.That(joined, Does.Not.Contain("/in.mov"));
        Assert.That(arguments[arguments.ToList().IndexOf("-filter_complex") + 1], Does.StartWith(
            "[0:v:0]null,settb=1/(30000/1001),setpts=N,split=4[ref0s][ref0p][ref1s][ref1p];"
            + "[1:v:0]scale=1280:720:flags=bicubic,format=yuv420p,setsar=1,settb=1/(30000/1001),setpts=N,split=2[out0s][out0p];"
            + "[out0s][ref0s]ssim=stats_file=/ws/a.log:shortest=1[ssim0];[out0p][ref0p]psnr=stats_file=/ws/a.psnr:shortest=1[psnr0];"));
    }

    [Test]
    public void ForTrialQuality_TwoTrials_EachAgainstTheJoinedWindowsAtTheReferenceSizeFrameForFrame()
    {
        // Arrange
        FfmpegArguments.MeasuredTrial[] trials = [new("/ws/a.h264", "/ws/a.log", "/ws/a.psnr"), new("/ws/b.h264", "/ws/b.log", "/ws/b.psnr")];
        FfmpegArguments.SourceWindow[] windows = [new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(0.5)), new(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(0.5))];

        // Act
        var arguments = FfmpegArguments.ForTrialQuality(Source("/in.mov"), 0, Plan(), windows, trials);

        // Assert
        var joined = string.Join(' ', arguments);
        Assert.That(joined, Does.Contain("-ss 40 -t 0.5 -threads 1 -i file:/in.mov -framerate 30000/1001 -f h264 -threads 1 -i file:/ws/a.h264 -framerate 30000/1001 -f h264 -threads 1 -i file:/ws/b.h264"));
        Assert.That(arguments[arguments.ToList().IndexOf("-filter_complex") + 1], Is.EqualTo(
            "[0:0]setpts=PTS-STARTPTS,fps=30000/1001:eof_action=pass[w0];[1:0]setpts=PTS-STARTPTS,fps=30000/1001:eof_action=pass[w1];[w0][w1]concat=n=2:v=1:a=0,scale=1280:720,format=yuv420p,setsar=1,"
            + "settb=1/(30000/1001),setpts=N,split=4[ref0s][ref0p][ref1s][ref1p];"
            + "[2:v:0]scale=1280:720:flags=bicubic,format=yuv420p,setsar=1,settb=1/(30000/1001),setpts=N,split=2[out0s][out0p];"
            + "[out0s][ref0s]ssim=stats_file=/ws/a.log:shortest=1[ssim0];[out0p][ref0p]psnr=stats_file=/ws/a.psnr:shortest=1[psnr0];"
            + "[3:v:0]scale=1280:720:flags=bicubic,format=yuv420p,setsar=1,settb=1/(30000/1001),setpts=N,split=2[out1s][out1p];"
            + "[out1s][ref1s]ssim=stats_file=/ws/b.log:shortest=1[ssim1];[out1p][ref1p]psnr=stats_file=/ws/b.psnr:shortest=1[psnr1]"));
        Assert.That(joined, Does.EndWith("-map [ssim0] -map [psnr0] -map [ssim1] -map [psnr1] -f null -"));
        Assert.That(joined, Does.Contain("-filter_complex_threads 1"), "the filters of a few dozen pictures without slice threads");
    }

    [Test]
    public void ForQualityWindow_Renditions_TheWindowOfEachInputDecodedWithOneThread()
    {
        // Arrange
        FfmpegArguments.MeasuredTrack[] tracks = [new("/ws/720p.cmfv", "/ws/s0.log", "/ws/p0.log"), new("/ws/360p.cmfv", "/ws/s1.log", "/ws/p1.log")];

        // Act
        var window = new QualityWindow(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(0.5));
        var arguments = FfmpegArguments.ForQualityWindow(Source("/in.mov"), 0, Plan(), window, tracks);

        // Assert: the source a quarter frame before the window (its frames need not lie on the grid), each rendition at it.
        var joined = string.Join(' ', arguments);
        Assert.That(joined, Does.Contain("-ss 9.992 -t 0.5 -threads 1 -i file:/in.mov"));
        Assert.That(joined, Does.Contain("-ss 10 -t 0.5 -threads 1 -i file:/ws/720p.cmfv -ss 10 -t 0.5 -threads 1 -i file:/ws/360p.cmfv"));
        Assert.That(joined, Does.Contain("-filter_complex_threads 1"), "the window's filters without slice threads");
    }

    [Test]
    public void ForSubtitleExtraction_TextStreams_TheSourcesClockOnlyTextDecodersAWebVttFileEach()
    {
        // Act: even with a lead-in, the cues keep the source's clock; the job shifts them itself.
        var arguments = FfmpegArguments.ForSubtitleExtraction(Source("/in.mkv") with { LeadIn = TimeSpan.FromSeconds(10) }, [(2, "/w/a.vtt"), (4, "/w/b.vtt")]);

        // Assert
        var text = string.Join(' ', arguments);
        Assert.That(arguments, Does.Contain("-copyts"));
        Assert.That(arguments, Does.Not.Contain("-itsoffset"));
        Assert.That(arguments[arguments.ToList().IndexOf("-codec_whitelist") + 1], Is.EqualTo(Decoders.TextSubtitles));
        Assert.That(text, Does.EndWith("-map 0:2 -c:s webvtt -f webvtt file:/w/a.vtt -map 0:4 -c:s webvtt -f webvtt file:/w/b.vtt"));
        Assert.That(text, Does.Contain("-format_whitelist " + FfmpegArguments.AllowedDemuxers).And.Contain("-protocol_whitelist file"));
    }

    [Test]
    public void ForClosedCaptionExtraction_AnyPath_TheMovieSourceWithTheInputsAllowListsAndAnEscapedName()
    {
        // Act
        var arguments = FfmpegArguments.ForClosedCaptionExtraction(Source("/w/a:b, c [d]'e.ts"), "mpegts", 0, "/w/cc.vtt");

        // Assert: the graph as ffmpeg's two parsers read it; the name's ':', ',', '[', ']' and quote are escaped twice.
        var graph = arguments[arguments.ToList().IndexOf("lavfi") + 2];
        Assert.That(graph, Does.StartWith(@"movie=filename=file\\:/w/a\\:b\, c \[d\]\\\'e.ts:f=mpegts:s=0:format_opts=protocol_whitelist=file\\:format_whitelist=mov\,"));
        Assert.That(graph, Does.Contain(@"\\:codec_whitelist=" + Decoders.Video.Replace(",", "\\,", StringComparison.Ordinal)));
        Assert.That(graph, Does.EndWith("[out0+subcc]"));
        Assert.That(string.Join(' ', arguments), Does.Contain("-copyts -codec_whitelist cc_dec -f lavfi").And.EndWith("-map 0:s -c:s webvtt -f webvtt file:/w/cc.vtt"));
    }
}
