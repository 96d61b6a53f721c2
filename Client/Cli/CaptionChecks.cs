using Transcoder.Shared.Captions;
using Transcoder.Shared.Settings;

namespace Transcoder.Client.Cli;

/// <summary>The checks of <c>captions add</c>: the language, the file's format and content (the job's own reader), the key it gets.</summary>
internal static class CaptionChecks
{
    /// <returns>The caption's key beside the video; empty when a problem was reported.</returns>
    public static string Key(string videoKey, string path, string? language, bool forced, bool hearingImpaired, SettingReader reader)
    {
        if (string.IsNullOrWhiteSpace(language) || !LanguageTag.IsValid(language))
        {
            reader.Error(string.IsNullOrWhiteSpace(language)
                ? "--lang is required: the caption's language, e.g. --lang fr"
                : $"--lang '{language}' is not a language tag such as fr, en-GB or pt-BR");
        }

        var format = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".vtt" => CaptionFormat.WebVtt,
            ".srt" => CaptionFormat.SubRip,
            _ => (CaptionFormat?)null,
        };
        if (format is null)
        {
            reader.Error($"{path}: a caption file ends in .vtt (WebVTT) or .srt (SubRip)");
        }
        else if (System.IO.File.Exists(path))
        {
            try
            {
                // The job reads it the same way: a file it would refuse is refused here, before anything is sent.
                CaptionParser.Parse(System.IO.File.ReadAllBytes(path), format.Value, Path.GetFileName(path));
            }
            catch (CaptionFormatException problem)
            {
                reader.Error(problem.Message);
            }
        }

        if (reader.Errors.Count > 0 || videoKey.Length == 0)
        {
            return "";
        }

        var key = CaptionFileName.For(videoKey, language!, forced, hearingImpaired, format!.Value);
        UploadChecks.Key(key, reader);
        return key;
    }
}
