using Transcoder.TranscodeJob.Events;

namespace Transcoder.TranscodeJob.Tests.Events;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test_5f0d";
    private const string Body = """{"type":"job.done","jobId":"j1"}""";
    private static readonly DateTimeOffset At = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Header_KnownInput_StripeStyleHmacSha256OverTimestampDotBody()
    {
        // Act
        var header = WebhookSignature.Header(Secret, At, Body);

        // Assert: by value, computed independently with .NET's HMAC over "1796029200.{body}".
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(Secret), System.Text.Encoding.UTF8.GetBytes("1796029200." + Body)));
        Assert.That(header, Is.EqualTo($"t=1796029200,v1={expected}"));
    }

    [Test]
    public void Verify_AsAReceiverWould_AcceptsTheGenuineAndRefusesTheRest()
    {
        // Arrange
        var header = WebhookSignature.Header(Secret, At, Body);
        var tolerance = WebhookSignature.DefaultTolerance;

        // Act / Assert
        Assert.That(WebhookSignature.Verify(Secret, header, Body, At.AddMinutes(1), tolerance), Is.True, "genuine");
        Assert.That(WebhookSignature.Verify(Secret, header, Body.Replace("j1", "j2", StringComparison.Ordinal), At, tolerance), Is.False, "body changed");
        Assert.That(WebhookSignature.Verify("another secret", header, Body, At, tolerance), Is.False, "other secret");
        Assert.That(WebhookSignature.Verify(Secret, header, Body, At.AddMinutes(6), tolerance), Is.False, "replayed later");
        Assert.That(WebhookSignature.Verify(Secret, header.Replace("t=1796029200", "t=1796029260", StringComparison.Ordinal), Body, At, tolerance), Is.False, "timestamp changed");
        Assert.That(WebhookSignature.Verify(Secret, null, Body, At, tolerance), Is.False, "no header");
        Assert.That(WebhookSignature.Verify(Secret, "v1=" + header.Split("v1=")[1] + ",t=1796029200", Body, At, tolerance), Is.True, "parts in any order");
    }
}
