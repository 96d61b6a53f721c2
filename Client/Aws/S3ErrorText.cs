using System.Xml.Linq;

namespace Transcoder.Client.Aws;

/// <summary>What S3 said when it refused a plain HTTP request: the Code and Message of its XML error body.</summary>
internal static class S3ErrorText
{
    public static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var error = XDocument.Parse(body).Root;
            var code = error?.Element("Code")?.Value;
            var message = error?.Element("Message")?.Value;
            return code is null ? status : $"{status}: {code}{(message is null ? "" : $": {message}")}";
        }
        catch (System.Xml.XmlException)
        {
            // Not S3's XML (a proxy's page, an empty body): the status says enough.
            return status;
        }
    }
}
