using System.Text;
using Transcoder.Client.Uploading;
using Transcoder.Shared.Settings;

namespace Transcoder.Client.Cli;

/// <summary>The checks of <c>upload</c>'s own arguments, each problem added to the reader so that all are reported at once.</summary>
internal static class UploadChecks
{
    // S3's limit on a key, in UTF-8 bytes.
    private const int MaxKeyBytes = 1024;

    private const int MaxParallelParts = 16;

    /// <summary>The file's full path; a problem when it is missing, a folder or empty (the job would refuse it after the upload).</summary>
    public static string File(string path, SettingReader reader)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            reader.Error(Directory.Exists(path) ? $"{path} is a folder, not a video file" : $"no such file: {path}");
        }
        else if (file.Length == 0)
        {
            reader.Error($"{path} is empty: there is nothing to transcode");
        }

        return file.FullName;
    }

    public static void Key(string key, SettingReader reader)
    {
        if (key.Length == 0 || key.EndsWith('/'))
        {
            reader.Error($"--key '{key}' must name an object, not a folder");
        }
        else if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
        {
            reader.Error($"--key is {Encoding.UTF8.GetByteCount(key)} bytes long in UTF-8; S3 allows {MaxKeyBytes}");
        }

        // HTTP clients, browsers included, remove "." and ".." segments from a URL's path before sending it: the object
        // would land under another key than the one signed (S3 then refuses the signature).
        if (key.Split('/').Any(segment => segment is "." or ".."))
        {
            reader.Error($"--key '{key}' has a '.' or '..' segment, which HTTP clients remove from a URL: it cannot be uploaded through a presigned URL");
        }
    }

    /// <summary><paramref name="tuning"/> with the sizes the command line gave (in MiB), each checked against S3's limits.</summary>
    public static UploadTuning Tuning(UploadTuning tuning, int? thresholdMiB, int? partSizeMiB, int? parallelParts, SettingReader reader)
    {
        const int maxMiB = (int)(UploadTuning.MaxPartSize / UploadTuning.MiB);
        const int minPartMiB = (int)(UploadTuning.MinPartSize / UploadTuning.MiB);
        if (thresholdMiB is { } threshold)
        {
            if (threshold is < 1 or > maxMiB)
            {
                reader.Error($"--multipart-threshold must be 1 to {maxMiB} MiB, not {threshold}");
            }

            tuning = tuning with { MultipartThreshold = Math.Clamp(threshold, 1, maxMiB) * UploadTuning.MiB };
        }

        if (partSizeMiB is { } partSize)
        {
            if (partSize is < minPartMiB or > maxMiB)
            {
                reader.Error($"--part-size must be {minPartMiB} to {maxMiB} MiB (S3's limits), not {partSize}");
            }

            tuning = tuning with { PartSize = Math.Clamp(partSize, minPartMiB, maxMiB) * UploadTuning.MiB };
        }

        if (parallelParts is { } parallel)
        {
            if (parallel is < 1 or > MaxParallelParts)
            {
                reader.Error($"--parallel-parts must be 1 to {MaxParallelParts}, not {parallel}");
            }

            tuning = tuning with { ParallelParts = Math.Clamp(parallel, 1, MaxParallelParts) };
        }

        return tuning;
    }
}
