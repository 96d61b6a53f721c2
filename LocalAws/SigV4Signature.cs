using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Transcoder.LocalAws;

/// <summary>
/// The core of a SigV4 signature, shared by the checks of a signed header (<see cref="Ecs.SigV4Verifier"/>) and of a
/// presigned URL (<see cref="S3.PresignedUrlVerifier"/>): the string to sign over a canonical request's hash, and the
/// key derived from the secret, the date, the region and the service
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
/// </summary>
internal static partial class SigV4Signature
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <param name="amzDate">The request's time, <c>yyyyMMddTHHmmssZ</c>.</param>
    /// <param name="date">The credential scope's date, <c>yyyyMMdd</c>.</param>
    /// <returns>The signature in lower-case hex, as requests carry it.</returns>
    public static string Compute(string secretKey, string amzDate, string date, string region, string service, string canonicalRequest)
    {
        var stringToSign = $"{Algorithm}\n{amzDate}\n{date}/{region}/{service}/aws4_request\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { date, region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>One line of the canonical headers: each value trimmed, runs of spaces made one, values joined by commas.</summary>
    public static string HeaderLine(string name, IEnumerable<string> values) =>
        $"{name}:{string.Join(',', values.Select(v => SpaceRuns().Replace(v.Trim(), " ")))}\n";

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [GeneratedRegex(" +")]
    private static partial Regex SpaceRuns();
}
