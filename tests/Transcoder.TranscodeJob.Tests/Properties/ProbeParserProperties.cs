using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Properties;

/// <summary>
/// Property tests over what ffprobe may print for an untrusted upload: whatever the numbers and strings, the parser
/// throws nothing but its documented bad-input error, and the planner never makes odd, empty or upscaled sizes.
/// Bounded (a few hundred cases each) to stay fast in CI.
/// </summary>
public sealed class ProbeParserProperties
{
    private static readonly Config Bounded = Config.QuickThrowOnFailure.WithMaxTest(400);

    // Values a hostile or broken header puts where a number belongs.
    private static readonly string[] Numbers =
    [
        "0", "-1", "1", "2", "16", "321", "1080", "1e12", "-1e308", "1.7976931348623157E+308", "9223372036854775807", "99999999999999999999",
        "NaN", "Infinity", "\"N/A\"", "\"\"", "\"1e12\"", "\"30000/1001\"", "\"0/0\"", "\"1/0\"", "\"-90\"", "null", "true", "[]", "{}", "\"4.000000\"",
    ];

    private static readonly string[] Rates = ["\"30/1\"", "\"0/0\"", "\"1/0\"", "\"30000/1001\"", "\"-5/1\"", "\"999999999999/1\"", "\"x\"", "null", "\"120/1\"", "\"1/3\""];

    private static Gen<string> OneOf(string[] values) => Gen.Elements(values);

    private static Gen<string> VideoStreamJson() =>
        from width in OneOf(Numbers)
        from height in OneOf(Numbers)
        from duration in OneOf(Numbers)
        from rate in OneOf(Rates)
        from sar in OneOf(["\"1:1\"", "\"32:27\"", "\"0:1\"", "\"-4:3\"", "\"99999999999:1\"", "null"])
        from rotation in OneOf(Numbers)
        from transfer in OneOf(["\"smpte2084\"", "\"bt709\"", "null", "7"])
        select $$"""{ "index": 0, "codec_type": "video", "codec_name": "h264", "width": {{width}}, "height": {{height}}, "duration": {{duration}}, """
               + $$""" "avg_frame_rate": {{rate}}, "r_frame_rate": {{rate}}, "sample_aspect_ratio": {{sar}}, "color_transfer": {{transfer}}, """
               + $$""" "side_data_list": [ { "side_data_type": "Display Matrix", "rotation": {{rotation}} } ] }""";

    private static Gen<string> DocumentJson() =>
        from video in VideoStreamJson()
        from channels in OneOf(Numbers)
        from formatDuration in OneOf(Numbers)
        from bitRate in OneOf(Numbers)
        select $$"""{ "streams": [ {{video}}, { "index": 1, "codec_type": "audio", "codec_name": "aac", "channels": {{channels}}, "sample_rate": {{bitRate}} } ], """
               + $$""" "format": { "format_name": "mov", "duration": {{formatDuration}}, "bit_rate": {{bitRate}} } }""";

    // Whole documents, and the same documents cut anywhere (a crashed or killed ffprobe prints half of one).
    private static Arbitrary<string> Documents() =>
        (from document in DocumentJson()
         from cut in Gen.Choose(0, 100)
         select cut < 80 ? document : document[..(document.Length * cut / 100)]).ToArbitrary();

    [Test]
    public void Parse_AnyDocument_ReturnsOrThrowsOnlyBadInput()
    {
        Prop.ForAll(Documents(), json =>
        {
            try
            {
                var media = ProbeParser.Parse(json, "upload.mp4");
                return media.Video!.Width > 0 && media.Video.Height > 0 && media.Duration >= TimeSpan.Zero;
            }
            catch (JobException failure)
            {
                return !failure.IsRetryable;
            }
        }).Check(Bounded);
    }

    [Test]
    public void PlanFor_AnyParsedSource_EvenPositiveSizesNeverUpscaled()
    {
        var planner = new LadderPlanner(Ladder.Default);
        Prop.ForAll(Documents(), json =>
        {
            SourceMedia media;
            try
            {
                media = ProbeParser.Parse(json, "upload.mp4");
            }
            catch (JobException)
            {
                return true; // refused before planning: nothing to plan
            }

            try
            {
                var plans = planner.PlanFor(media);
                var shortSide = Math.Min(media.Video!.DisplayWidth, media.Video.DisplayHeight);
                var longSide = Math.Max(media.Video.DisplayWidth, media.Video.DisplayHeight);
                return plans.Count > 0 && plans.All(p =>
                    p.Width > 0 && p.Height > 0 && p.Width % 2 == 0 && p.Height % 2 == 0
                    && Math.Min(p.Width, p.Height) <= shortSide && Math.Max(p.Width, p.Height) <= longSide + 1);
            }
            catch (JobException failure)
            {
                return !failure.IsRetryable;
            }
        }).Check(Bounded);
    }

    [Test]
    public void Parse_ArbitraryText_ReturnsOrThrowsOnlyBadInput()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            try
            {
                ProbeParser.Parse(text ?? string.Empty, "upload.mp4");
                return true;
            }
            catch (JobException)
            {
                return true;
            }
        }).Check(Bounded);
    }

    [Test]
    public void PacketScan_ArbitraryLines_NeverThrowsAndStaysFinite()
    {
        var line = from stream in Gen.Choose(-1, 3)
                   from pts in OneOf(Numbers)
                   from dts in OneOf(Numbers)
                   from duration in OneOf(Numbers)
                   select string.Create(CultureInfo.InvariantCulture, $"{stream},{pts.Trim('"')},{dts.Trim('"')},{duration.Trim('"')}");
        Prop.ForAll(line.ArrayOf().ToArbitrary(), lines =>
        {
            var builder = new PacketScanBuilder(0, new HashSet<int> { 1 });
            foreach (var text in lines)
            {
                builder.Push(text);
            }

            var scan = builder.Build([]);
            return scan.End >= TimeSpan.Zero && scan.LargestGap.Length >= TimeSpan.Zero;
        }).Check(Bounded);
    }
}
