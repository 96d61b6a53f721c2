using System.Security.Cryptography;
using System.Text;

namespace Transcoder.Shared;

/// <summary>
/// The folder that holds one source's outputs: a readable slug of the file name plus a hash of the source's full
/// location, so the same source always maps to the same folder and two different sources never share one
/// (<c>a/clip.mp4</c> and <c>b/clip.mp4</c> differ in the hash).
/// </summary>
public static class OutputFolder
{
    private const int MaxSlugLength = 48;

    /// <summary>The folder name for an S3 object, e.g. <c>holiday-clip-3fa2c1d09b7e4a51</c>.</summary>
    public static string ForObject(string bucket, string key) => Build(key, $"s3://{bucket}/{key}");

    /// <summary>The folder name for a local file, from its full path.</summary>
    public static string ForLocalFile(string fullPath) => Build(fullPath, $"file://{fullPath}");

    // Accented Latin letters to their base letter. A table rather than Unicode decomposition: the executables run
    // with invariant globalization (no ICU in the image), where String.Normalize does not decompose.
    private const string Accented = "ÀÁÂÃÄÅàáâãäåÇçĆćČčÈÉÊËèéêëĚěĘęÌÍÎÏìíîïÑñŃńŇňÒÓÔÕÖØòóôõöøŘřŚśŠšŤťÙÚÛÜùúûüŮůÝýÿŹźŻżŽžŁłĞğİıŞş";
    private const string Unaccented = "AAAAAAaaaaaaCcCcCcEEEEeeeeEeEeIIIIiiiiNnNnNnOOOOOOooooooRrSsSsTtUUUUuuuuUuYyyZzZzZzLlGgIiSs";

    private static char FoldAccent(char c)
    {
        var index = Accented.IndexOf(c, StringComparison.Ordinal);
        return index < 0 ? c : Unaccented[index];
    }

    private static string Build(string path, string identity)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 8));
        return $"{Slug(path)}-{hash}";
    }

    /// <summary>
    /// Lower-case ASCII letters and digits of the file name without extension, other runs turned into one dash:
    /// safe in any file system, URL or S3 console, whatever the key held (spaces, unicode, <c>../</c>).
    /// </summary>
    public static string Slug(string path)
    {
        var name = path.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            name = name[..dot];
        }

        var builder = new StringBuilder(Math.Min(name.Length, MaxSlugLength));
        foreach (var original in name)
        {
            if (builder.Length == MaxSlugLength)
            {
                break;
            }

            var c = FoldAccent(original);
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "video" : slug;
    }
}
