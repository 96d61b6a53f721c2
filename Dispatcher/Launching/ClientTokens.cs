using System.Security.Cryptography;
using System.Text;

namespace Transcoder.Dispatcher.Launching;

/// <summary>
/// RunTask's <c>clientToken</c> (at most 64 characters): derived from the message id and this receive's handle, so a
/// call retried after a lost response starts no second task, while the same message received again (its job
/// failed and released it) does start a new one.
/// </summary>
internal static class ClientTokens
{
    public static string For(string messageId, string receiptHandle) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{messageId}\n{receiptHandle}")).AsSpan(0, 24));
}
