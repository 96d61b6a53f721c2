using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Transcoder.LocalAws.S3;

/// <summary>
/// Checks a presigned S3 request (SigV4 in the query string) the way S3 does, by recomputing its signature
/// (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html): the method, path, query and the
/// signed headers with the values actually sent, the expiry, and that no x-amz-* header travels unsigned. The fauxqs
/// emulator checks none of this (it accepts any URL, expired or forged), so the tests and LocalPipeline put this in
/// front of it.
/// </summary>
public static partial class PresignedUrlVerifier
{
    /// <summary>SigV4's longest presigned URL life: 7 days.</summary>
    public const int MaxExpiresSeconds = 604_800;

    /// <param name="headers">The headers sent, any letter case (Host included, or taken from the URL).</param>
    /// <param name="secretKeyOf">The secret key of an access key id, null for an unknown one.</param>
    /// <returns>null when S3 would accept the request, else why not.</returns>
    public static PresignedRequestProblem? Verify(
        string method, Uri url, IReadOnlyDictionary<string, string> headers, Func<string, string?> secretKeyOf, DateTimeOffset now)
    {
        var query = ParseQuery(url.Query);
        if (!query.TryGetValue("X-Amz-Signature", out var signature) || query.GetValueOrDefault("X-Amz-Algorithm") != "AWS4-HMAC-SHA256")
        {
            return new("AccessDenied", "the URL carries no SigV4 query signature (X-Amz-Algorithm, X-Amz-Signature)");
        }

        var credential = CredentialPattern().Match(query.GetValueOrDefault("X-Amz-Credential") ?? "");
        var amzDate = query.GetValueOrDefault("X-Amz-Date") ?? "";
        if (!credential.Success
            || !DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || !amzDate.StartsWith(credential.Groups["date"].Value, StringComparison.Ordinal)
            || !int.TryParse(query.GetValueOrDefault("X-Amz-Expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires is < 1 or > MaxExpiresSeconds
            || !query.TryGetValue("X-Amz-SignedHeaders", out var signedHeaderList))
        {
            return new("AuthorizationQueryParametersError", "X-Amz-Credential, X-Amz-Date, X-Amz-Expires (1-604800) or X-Amz-SignedHeaders is missing or malformed");
        }

        if (now > signedAt.AddSeconds(expires))
        {
            return new("AccessDenied", "Request has expired");
        }

        if (secretKeyOf(credential.Groups["key"].Value) is not { } secretKey)
        {
            return new("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
        }

        var sent = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["host"] = url.Authority };
        foreach (var (name, value) in headers)
        {
            sent[name] = value;
        }

        var signedHeaders = signedHeaderList.Split(';');
        var unsigned = sent.Keys.Where(n => n.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase) && !signedHeaders.Contains(n.ToLowerInvariant())).ToList();
        if (unsigned.Count > 0)
        {
            return new("AccessDenied", $"There were headers present in the request which were not signed: {string.Join(", ", unsigned)}");
        }

        if (signedHeaders.FirstOrDefault(n => !sent.ContainsKey(n)) is { } missing)
        {
            return new("SignatureDoesNotMatch", $"the signed header {missing} was not sent");
        }

        var canonicalRequest = string.Join('\n',
            method.ToUpperInvariant(),
            CanonicalPath(url),
            string.Join('&', query.Where(p => p.Key != "X-Amz-Signature")
                .Select(p => (Name: Encode(p.Key), Value: Encode(p.Value)))
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => $"{p.Name}={p.Value}")),
            string.Concat(signedHeaders.Select(n => $"{n}:{SpaceRuns().Replace(sent[n].Trim(), " ")}\n")),
            signedHeaderList,
            "UNSIGNED-PAYLOAD");
        var (date, region, service) = (credential.Groups["date"].Value, credential.Groups["region"].Value, credential.Groups["service"].Value);
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{date}/{region}/{service}/aws4_request\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { date, region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign))) == signature
            ? null
            : new("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    }

    // S3 decodes the path it received and encodes each segment again (no double encoding, '/' kept).
    private static string CanonicalPath(Uri url) =>
        string.Join('/', url.AbsolutePath.Split('/').Select(segment => Encode(Uri.UnescapeDataString(segment))));

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals < 0 ? (pair, "") : (pair[..equals], pair[(equals + 1)..]);
            parameters[Uri.UnescapeDataString(name)] = Uri.UnescapeDataString(value);
        }

        return parameters;
    }

    // RFC 3986 unreserved characters stay, every other byte of the UTF-8 becomes %XX (upper-case hex), as SigV4 asks.
    private static string Encode(string text)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [GeneratedRegex("^(?<key>[^/]+)/(?<date>[0-9]{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request$")]
    private static partial Regex CredentialPattern();

    [GeneratedRegex(" +")]
    private static partial Regex SpaceRuns();
}
