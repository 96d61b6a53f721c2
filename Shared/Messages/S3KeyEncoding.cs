namespace Transcoder.Shared.Messages;

/// <summary>
/// Object keys in S3 event notifications are URL-encoded the way HTML forms are: a space becomes <c>+</c>, a plus
/// <c>%2B</c>, other bytes of the key's UTF-8 form <c>%XX</c>
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
/// </summary>
public static class S3KeyEncoding
{
    /// <summary>The key as S3 stores it, from the key as an event notification carries it.</summary>
    public static string Decode(string encodedKey) =>
        // '+' first: after unescaping, a '+' is a real plus (it was %2B).
        Uri.UnescapeDataString(encodedKey.Replace('+', ' '));

    /// <summary>The key as an event notification would carry it (for tools that imitate S3's notifications).</summary>
    public static string Encode(string key) => Uri.EscapeDataString(key).Replace("%20", "+", StringComparison.Ordinal);
}
