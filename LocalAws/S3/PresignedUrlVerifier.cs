using System.Globalization;
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
        if (!query.TryGetValue("X-Amz-Signature", out var signature) || query.GetValueOrDefault("X-Amz-Algorithm") != SigV4Signature.Algorithm)
        {
            return new("AccessDenied", "the URL carries no SigV4 query signature (X-Amz-Algorithm, X-Amz-Signature)");
        }

        if (ReadScope(query) is not { } scope)
        {
            return new("AuthorizationQueryParametersError", "X-Amz-Credential, X-Amz-Date, X-Amz-Expires (1-604800) or X-Amz-SignedHeaders is missing or malformed");
        }

        if (now > scope.SignedAt.AddSeconds(scope.ExpiresSeconds))
        {
            return new("AccessDenied", "Request has expired");
        }

        if (secretKeyOf(scope.AccessKey) is not { } secretKey)
        {
            return new("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
        }

        var sent = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["host"] = url.Authority };
        foreach (var (name, value) in headers)
        {
            sent[name] = value;
        }

        if (HeaderProblem(sent, scope.SignedHeaders) is { } problem)
        {
            return problem;
        }

        var canonicalRequest = string.Join('\n',
            method.ToUpperInvariant(),
            CanonicalPath(url),
            string.Join('&', query.Where(p => p.Key != "X-Amz-Signature")
                .Select(p => (Name: Encode(p.Key), Value: Encode(p.Value)))
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => $"{p.Name}={p.Value}")),
            string.Concat(scope.SignedHeaders.Select(n => SigV4Signature.HeaderLine(n, [sent[n]]))),
            string.Join(';', scope.SignedHeaders),
            "UNSIGNED-PAYLOAD");
        return SigV4Signature.Compute(secretKey, scope.AmzDate, scope.Date, scope.Region, scope.Service, canonicalRequest) == signature
            ? null
            : new("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    }

    /// <summary>The query's credential scope, time, expiry and signed headers; null when any is missing or malformed.</summary>
    private static QueryScope? ReadScope(Dictionary<string, string> query)
    {
        var credential = CredentialPattern().Match(query.GetValueOrDefault("X-Amz-Credential") ?? "");
        var amzDate = query.GetValueOrDefault("X-Amz-Date") ?? "";
        if (!credential.Success
            || !DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || !amzDate.StartsWith(credential.Groups["date"].Value, StringComparison.Ordinal)
            || !int.TryParse(query.GetValueOrDefault("X-Amz-Expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires is < 1 or > MaxExpiresSeconds
            || !query.TryGetValue("X-Amz-SignedHeaders", out var signedHeaders))
        {
            return null;
        }

        return new QueryScope(
            credential.Groups["key"].Value, credential.Groups["date"].Value, credential.Groups["region"].Value, credential.Groups["service"].Value,
            amzDate, signedAt, expires, signedHeaders.Split(';'));
    }

    // S3 refuses an x-amz-* header it was not told to expect (the uploader could add metadata), and a signed one not sent.
    private static PresignedRequestProblem? HeaderProblem(Dictionary<string, string> sent, string[] signedHeaders)
    {
        var unsigned = sent.Keys.Where(n => n.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase) && !signedHeaders.Contains(n.ToLowerInvariant())).ToList();
        if (unsigned.Count > 0)
        {
            return new("AccessDenied", $"There were headers present in the request which were not signed: {string.Join(", ", unsigned)}");
        }

        return signedHeaders.FirstOrDefault(n => !sent.ContainsKey(n)) is { } missing
            ? new("SignatureDoesNotMatch", $"the signed header {missing} was not sent")
            : null;
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

    private sealed record QueryScope(
        string AccessKey, string Date, string Region, string Service, string AmzDate, DateTimeOffset SignedAt, int ExpiresSeconds, string[] SignedHeaders);

    [GeneratedRegex("^(?<key>[^/]+)/(?<date>[0-9]{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request$")]
    private static partial Regex CredentialPattern();
}
