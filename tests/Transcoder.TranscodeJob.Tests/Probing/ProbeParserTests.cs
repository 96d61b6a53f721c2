using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Tests.Probing;

public sealed class ProbeParserTests
{
    // Trimmed from `ffprobe -print_format json -show_format -show_streams` on an iPhone portrait video.
    private const string IphonePortrait = """
        {
          "streams": [
            { "index": 0, "codec_name": "hevc", "codec_type": "video", "profile": "Main 10", "width": 1920, "height": 1080,
              "sample_aspect_ratio": "1:1", "pix_fmt": "yuv420p10le", "color_transfer": "arib-std-b67", "color_primaries": "bt2020",
              "color_space": "bt2020nc", "field_order": "progressive", "r_frame_rate": "30/1", "avg_frame_rate": "16200/541",
              "duration": "5.410000", "disposition": { "default": 1, "attached_pic": 0 },
              "tags": { "language": "und", "handler_name": "Core Media Video" },
              "side_data_list": [ { "side_data_type": "DOVI configuration record" },
                                  { "side_data_type": "Display Matrix", "displaymatrix": "...", "rotation": -90 } ] },
            { "index": 1, "codec_name": "aac", "codec_type": "audio", "sample_rate": "44100", "channels": 2,
              "disposition": { "default": 1 }, "tags": { "language": "und" } },
            { "index": 2, "codec_type": "data", "tags": { "handler_name": "Core Media Metadata" } }
          ],
          "format": { "format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "5.433000", "size": "12345678", "bit_rate": "18176000" }
        }
        """;

    [Test]
    public void Parse_IphonePortrait_ReadsRotationAndDisplaySize()
    {
        // Act
        var media = ProbeParser.Parse(IphonePortrait, "IMG_0001.MOV");

        // Assert
        Assert.That(media.Video!.Rotation, Is.EqualTo(90));
        Assert.That((media.Video.DisplayWidth, media.Video.DisplayHeight), Is.EqualTo((1080, 1920)));
        Assert.That(media.Video.IsHdr, Is.True);
        Assert.That(media.Video.FrameRate, Is.EqualTo(new Rational(16200, 541)));
        Assert.That(media.Duration, Is.EqualTo(TimeSpan.FromSeconds(5.433)));
        Assert.That(media.BitRate, Is.EqualTo(18176000));
        Assert.That(media.MainAudio, Is.EqualTo(new AudioStreamInfo(1, "aac", 2, 44100, "und", true)));
    }

    [TestCase("""{ "rotate": "90" }""", 90)]
    [TestCase("""{ "rotate": "-90" }""", 270)]
    [TestCase("""{ "rotate": "180" }""", 180)]
    [TestCase("""{ "rotate": "450" }""", 90)]
    [TestCase("""{ "language": "eng" }""", 0)]
    public void Parse_LegacyRotateTag_IsClockwiseDegrees(string tags, int expected)
    {
        // Arrange
        var json = $$"""
            { "streams": [ { "index": 0, "codec_type": "video", "codec_name": "h264", "width": 640, "height": 360, "tags": {{tags}} } ],
              "format": { "duration": "1.0" } }
            """;

        // Act
        var media = ProbeParser.Parse(json, "clip.mp4");

        // Assert
        Assert.That(media.Video!.Rotation, Is.EqualTo(expected));
    }

    [Test]
    public void Parse_CoverArtBeforeTheVideo_SkipsTheCoverArt()
    {
        // Arrange
        const string json = """
            { "streams": [
                { "index": 0, "codec_type": "video", "codec_name": "mjpeg", "width": 600, "height": 600, "disposition": { "attached_pic": 1 } },
                { "index": 1, "codec_type": "video", "codec_name": "h264", "width": 1280, "height": 720, "avg_frame_rate": "25/1" } ],
              "format": { "duration": "3.0" } }
            """;

        // Act
        var media = ProbeParser.Parse(json, "clip.mp4");

        // Assert
        Assert.That(media.Video!.Index, Is.EqualTo(1));
        Assert.That(media.AudioStreams, Is.Empty);
    }

    [Test]
    public void Parse_AudioOnlyWithCoverArt_NoVideoTheCoverAndTheAudioFacts()
    {
        // Arrange: an MP3 with its cover art, an English and a French audio description track.
        const string json = """
            { "streams": [
                { "index": 0, "codec_type": "audio", "codec_name": "mp3", "channels": 2, "sample_rate": "44100", "tags": { "language": "eng" }, "disposition": { "default": 1 } },
                { "index": 1, "codec_type": "video", "codec_name": "mjpeg", "width": 600, "height": 500, "disposition": { "attached_pic": 1 } },
                { "index": 2, "codec_type": "audio", "codec_name": "aac", "channels": 1, "tags": { "language": "fre", "TITLE": "Français (AD)" }, "disposition": { "visual_impaired": 1 } },
                { "index": 3, "codec_type": "audio", "codec_name": "aac", "channels": 2, "disposition": { "comment": 1, "descriptions": 0 } } ],
              "format": { "duration": "200.0" } }
            """;

        // Act
        var media = ProbeParser.Parse(json, "s3://uploads/song.mp3");

        // Assert
        Assert.That(media.IsAudioOnly, Is.True);
        Assert.That(media.CoverArt, Is.EqualTo(new CoverArtInfo(1, "mjpeg", 600, 500)));
        Assert.That(media.AudioStreams, Is.EqualTo(new[]
        {
            new AudioStreamInfo(0, "mp3", 2, 44100, "eng", true),
            new AudioStreamInfo(2, "aac", 1, 0, "fre", false) { Title = "Français (AD)", DescribesVideo = true },
            new AudioStreamInfo(3, "aac", 2, 0, null, false) { IsCommentary = true },
        }));
        Assert.That(media.TimingStreams, Is.EquivalentTo(new[] { 0, 2, 3 }), "audio only: every audio stream times it");
    }

    [Test]
    public void Parse_NeitherVideoNorAudio_IsBadInputNamingTheInput()
    {
        // Arrange: cover art and a subtitle, nothing to play.
        const string json = """
            { "streams": [
                { "index": 0, "codec_type": "video", "codec_name": "png", "width": 600, "height": 600, "disposition": { "attached_pic": 1 } },
                { "index": 1, "codec_type": "subtitle", "codec_name": "subrip" } ],
              "format": { "duration": "200.0" } }
            """;

        // Act
        var failure = Assert.Throws<JobException>(() => ProbeParser.Parse(json, "s3://uploads/cover.mkv"));

        // Assert
        Assert.That(failure!.IsRetryable, Is.False);
        Assert.That(failure.Message, Is.EqualTo("s3://uploads/cover.mkv has no video or audio stream"));
    }

    [Test]
    public void Parse_NoDuration_NothingDeclaredForThePacketsToTell()
    {
        // Arrange: WebM written live by a browser's MediaRecorder has no duration in its header.
        const string json = """{ "streams": [ { "index": 0, "codec_type": "video", "codec_name": "vp8", "width": 64, "height": 64 } ], "format": { } }""";

        // Act
        var media = ProbeParser.Parse(json, "x.webm");

        // Assert
        Assert.That(media.DeclaredDuration, Is.Null);
        Assert.That(media.Duration, Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase("1e12")]
    [TestCase("1.7976931348623157E+308")]
    [TestCase("-5")]
    [TestCase("NaN")]
    [TestCase("3000000")]
    public void Parse_AbsurdDuration_IgnoredWithoutOverflow(string duration)
    {
        // Arrange: TimeSpan.FromSeconds(1e12) throws; a header may claim anything.
        var json = $$"""{ "streams": [ { "index": 0, "codec_type": "video", "codec_name": "h264", "width": 64, "height": 64 } ], "format": { "duration": "{{duration}}" } }""";

        // Act
        var media = ProbeParser.Parse(json, "x.mp4");

        // Assert
        Assert.That(media.DeclaredDuration, Is.Null);
    }

    [Test]
    public void Parse_NotJson_IsBadInput()
    {
        // Act / Assert
        var failure = Assert.Throws<JobException>(() => ProbeParser.Parse("not json", "x.mp4"));
        Assert.That(failure!.IsRetryable, Is.False);
    }

    [Test]
    public void Parse_UnknownAverageRate_FallsBackToBaseRate()
    {
        // Arrange
        const string json = """
            { "streams": [ { "index": 0, "codec_type": "video", "codec_name": "h264", "width": 64, "height": 64, "avg_frame_rate": "0/0", "r_frame_rate": "24/1" } ],
              "format": { "duration": "1.0" } }
            """;

        // Act / Assert
        Assert.That(ProbeParser.Parse(json, "x").Video!.FrameRate, Is.EqualTo(new Rational(24, 1)));
    }
}
