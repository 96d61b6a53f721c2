using System.Security.Cryptography;
using System.Text;
using Transcoder.Shared.Jobs;

namespace Transcoder.Shared;

/// <summary>
/// Stable job ids: the same uploaded object version always gets the same id (duplicate S3 events and
/// redelivered messages agree), a new upload of the same key gets a new one.
/// </summary>
public static class JobId
{
    /// <summary>
    /// The id of the job for one version of one S3 object.
    /// </summary>
    /// <param name="bucket">Source bucket.</param>
    /// <param name="key">Source key, URL-decoded.</param>
    /// <param name="revision">What tells two uploads of the same key apart (see <see cref="SourceRevision"/>); null when unknown.</param>
    public static string ForObject(string bucket, string key, SourceRevision? revision) =>
        Hash($"s3\n{bucket}\n{key}\n{revision}");

    /// <summary>The id of the job for one state of a local file.</summary>
    /// <param name="fullPath">The file's absolute path.</param>
    /// <param name="revision">Its size and modification time (<see cref="SourceRevision.OfLocalFile"/>).</param>
    public static string ForLocalFile(string fullPath, SourceRevision? revision) =>
        Hash($"file\n{fullPath}\n{revision}");

    // 128 bits of SHA-256 in hex: short enough for ECS tags and log lines, far from any collision.
    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}
