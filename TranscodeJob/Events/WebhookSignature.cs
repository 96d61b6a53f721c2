using System.Globalization;
using System.Security.Cryptography;

namespace Transcoder.TranscodeJob.Events;

/// <summary>
/// The <c>Transcoder-Signature</c> header, as Stripe and Mux sign theirs: <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, where
/// v1 is HMAC-SHA256 with the shared secret over <c>"{t}.{body}"</c>. The timestamp inside the signed text lets a
/// receiver refuse a replayed request; <see cref="Verify"/> is what a receiver runs.
/// </summary>
internal static class WebhookSignature
{
    public const string HeaderName = "Transcoder-Signature";

    /// <summary>How old a signature a receiver should accept (clocks drift, retries wait).</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string Header(string secret, DateTimeOffset at, string body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Hex(secret, timestamp, body)}";
    }

    /// <summary>Whether <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/>, recently enough.</summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        string? timestamp = null;
        var signatures = new List<string>();
        foreach (var part in (header ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal))
            {
                timestamp = part[2..];
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
            {
                signatures.Add(part[3..]);
            }
        }

        if (timestamp is null
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }

        var expected = System.Text.Encoding.ASCII.GetBytes(Hex(secret, timestamp, body));
        // Constant time: a receiver comparing byte by byte leaks how much of a forged signature is right.
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(s), expected));
    }

    private static string Hex(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
