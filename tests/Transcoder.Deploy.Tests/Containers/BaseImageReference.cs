using System.Text.RegularExpressions;

namespace Transcoder.Deploy.Tests.Containers;

/// <summary>
/// An image reference as the Dockerfiles pin them: <c>registry/repository:tag@sha256:&lt;64 hex digits&gt;</c>. The tag
/// says what to follow (and what deploy/update-base-images.sh resolves); the digest is what Docker pulls.
/// </summary>
public sealed partial record BaseImageReference(string Repository, string Tag, string Digest)
{
    /// <summary>The reference, or null when it lacks a tag or a full sha256 digest (or is something else entirely).</summary>
    public static BaseImageReference? TryParse(string reference)
    {
        var match = Pinned().Match(reference);
        return match.Success
            ? new BaseImageReference(match.Groups["repository"].Value, match.Groups["tag"].Value, match.Groups["digest"].Value)
            : null;
    }

    public override string ToString() => $"{Repository}:{Tag}@{Digest}";

    // A registry port (host:5000/x) has a colon too; a tag holds no slash, so the tag is what follows the last colon.
    [GeneratedRegex(@"^(?<repository>[a-z0-9][a-z0-9._:/-]*?):(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})@(?<digest>sha256:[0-9a-f]{64})$")]
    private static partial Regex Pinned();
}
