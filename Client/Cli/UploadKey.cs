using Transcoder.Shared.Settings;

namespace Transcoder.Client.Cli;

internal static class UploadKey
{
    /// <summary>The KEY argument of status and urls: the key exactly as stored (spaces are part of a key), never blank.</summary>
    public static string Read(string? key, SettingReader reader)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            reader.Error("KEY is empty: give the upload's key in the temp bucket, as upload printed it");
            return "";
        }

        return key;
    }
}
