using System.Collections.Specialized;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Transcoder.LocalAws.Ecs;

/// <summary>
/// Checks a request's SigV4 <c>Authorization</c> header the way AWS does, by recomputing the signature
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html). Enough for a POST to "/" with no
/// query string, which is all ECS's JSON protocol uses.
/// </summary>
public static partial class SigV4Verifier
{
    /// <returns>null when the signature is right, else what is wrong.</returns>
    public static string? Verify(string method, string path, NameValueCollection headers, byte[] body, string secretKey, string expectedService)
    {
        var authorization = headers["Authorization"];
        if (authorization is null)
        {
            return "no Authorization header";
        }

        var match = AuthorizationPattern().Match(authorization);
        if (!match.Success)
        {
            return $"Authorization is not SigV4: {authorization}";
        }

        var (date, region, service) = (match.Groups["date"].Value, match.Groups["region"].Value, match.Groups["service"].Value);
        if (service != expectedService)
        {
            return $"signed for service '{service}', not '{expectedService}'";
        }

        var amzDate = headers["X-Amz-Date"];
        if (amzDate is null || !amzDate.StartsWith(date, StringComparison.Ordinal))
        {
            return "X-Amz-Date missing or not the credential's date";
        }

        var signedHeaders = match.Groups["signed"].Value.Split(';');
        var canonicalHeaders = string.Concat(signedHeaders.Select(name => SigV4Signature.HeaderLine(name, headers.GetValues(name) ?? [])));
        var canonicalRequest = string.Join('\n',
            method, path, string.Empty, canonicalHeaders, match.Groups["signed"].Value, SigV4Signature.Hex(SHA256.HashData(body)));
        var expected = SigV4Signature.Compute(secretKey, amzDate, date, region, service, canonicalRequest);
        return expected == match.Groups["signature"].Value ? null : "signature does not match";
    }

    public static string? AccessKeyOf(string? authorization) =>
        authorization is null ? null : AuthorizationPattern().Match(authorization) is { Success: true } m ? m.Groups["key"].Value : null;

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=(?<signed>[a-z0-9;-]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
