using FsCheck;
using FsCheck.Fluent;
using Transcoder.Shared.Messages;

namespace Transcoder.Shared.Tests.Properties;

/// <summary>
/// The queue's bodies are anyone's: whatever arrives, the parser returns a verdict and never throws (its documented
/// contract), for arbitrary text and for S3-event-shaped documents with hostile values. Bounded for CI.
/// </summary>
public sealed class QueueMessageParserProperties
{
    private static readonly Config Bounded = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static readonly string[] Values =
    [
        "null", "0", "-1", "1e400", "\"\"", "\"%\"", "\"%ZZ\"", "\"%C3%28\"", "\"a+b%2B\"", "\"../../etc/passwd\"", "\"-i x\"", "[]", "{}", "true",
        "\"ObjectCreated:Put\"", "\"ObjectRemoved:Delete\"", "\"s3:TestEvent\"", "\"uploads/clip.MP4\"", "\"bucket\"", "123456789012345678901234567890",
    ];

    private static Gen<string> EventJson() =>
        from name in Gen.Elements(Values)
        from bucket in Gen.Elements(Values)
        from key in Gen.Elements(Values)
        from size in Gen.Elements(Values)
        from records in Gen.Elements(["[", "[{}, ", ""])
        select $$"""{ "Records": {{records}}[ { "eventName": {{name}}, "s3": { "bucket": { "name": {{bucket}} }, "object": { "key": {{key}}, "size": {{size}}, "eTag": {{key}} } } } ] }""";

    [Test]
    public void Parse_S3EventShapedDocuments_NeverThrows()
    {
        Prop.ForAll(EventJson().ToArbitrary(), body =>
        {
            _ = QueueMessageParser.Parse(body, KeyFilter.Uploads);
            return true;
        }).Check(Bounded);
    }

    [Test]
    public void Parse_ArbitraryText_NeverThrows()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), body =>
        {
            _ = QueueMessageParser.Parse(body ?? string.Empty, KeyFilter.Everything);
            return true;
        }).Check(Bounded);
    }
}
