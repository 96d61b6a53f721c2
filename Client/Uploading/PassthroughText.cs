using Transcoder.Shared.Jobs;

namespace Transcoder.Client.Uploading;

/// <summary>
/// The rules a passthrough must meet to reach the manifest unchanged as an S3 metadata header: the job's length
/// limit, and printable ASCII on one line. HTTP carries other characters badly (S3 hands non-ASCII metadata back
/// RFC 2047-encoded) and drops spaces at either end of a header value.
/// </summary>
internal static class PassthroughText
{
    /// <summary>The problems of <paramref name="text"/>, none when it can travel as it is.</summary>
    public static IEnumerable<string> Problems(string text)
    {
        if (text.Length > JobSpec.MaxPassthroughLength)
        {
            yield return $"--passthrough is {text.Length} characters long; at most {JobSpec.MaxPassthroughLength} are allowed";
        }

        if (text.IndexOfAny(['\r', '\n']) >= 0)
        {
            yield return "--passthrough holds a line break: it must fit on one line (it travels as an HTTP header)";
        }
        else if (text.FirstOrDefault(c => c is < ' ' or > '~') is var bad and not '\0')
        {
            yield return $"--passthrough holds U+{(int)bad:X4}: only printable ASCII (space to '~') travels unchanged in an HTTP header";
        }

        if (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '))
        {
            yield return "--passthrough starts or ends with a space, which HTTP drops from a header value";
        }
    }
}
