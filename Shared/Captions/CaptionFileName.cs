namespace Transcoder.Shared.Captions;

/// <summary>
/// The naming rule of a caption file sent beside a video: <c>&lt;video&gt;.&lt;language&gt;[.forced][.sdh].vtt</c> or
/// <c>.srt</c>, where <c>&lt;video&gt;</c> is the video's key without its extension (<c>clip.mp4</c> takes
/// <c>clip.en.vtt</c>, <c>clip.fr.forced.srt</c>, <c>clip.pt-BR.sdh.vtt</c>) or with it (<c>clip.mp4.en.vtt</c>).
/// The language (BCP 47, or an ISO 639-2 code) is required; <c>forced</c> marks subtitles that only translate
/// on-screen text or foreign dialogue, <c>sdh</c> captions for the deaf and hard of hearing. The dispatcher, the job
/// and the client (<c>transcoder captions add</c>) all read and write names through this one type.
/// </summary>
/// <param name="Video">The key or path before the language: the video's without its extension, or with it.</param>
/// <param name="Language">The language, in canonical BCP 47 form (<see cref="LanguageTag.Normalize"/>).</param>
/// <param name="Forced">Subtitles for on-screen text and foreign dialogue only, shown even with subtitles off.</param>
/// <param name="HearingImpaired">Captions for the deaf and hard of hearing (speakers, sounds, music).</param>
public sealed record CaptionFileName(string Video, string Language, bool Forced, bool HearingImpaired, CaptionFormat Format)
{
    private const string ForcedFlag = "forced";
    private const string HearingImpairedFlag = "sdh";
    private const string TrackPrefix = "caption-";

    /// <summary>The file extensions of caption files (any letter case).</summary>
    public static IReadOnlyList<string> Suffixes { get; } = [".vtt", ".srt"];

    /// <summary>Whether <paramref name="key"/> ends like a caption file, named by the rule or not.</summary>
    public static bool HasCaptionSuffix(string key) => Suffixes.Any(s => key.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>The caption file <paramref name="keyOrPath"/> names, or null when it does not follow the rule.</summary>
    public static CaptionFileName? TryParse(string keyOrPath)
    {
        if (!HasCaptionSuffix(keyOrPath))
        {
            return null;
        }

        var format = keyOrPath.EndsWith(".srt", StringComparison.OrdinalIgnoreCase) ? CaptionFormat.SubRip : CaptionFormat.WebVtt;
        var folderEnd = Math.Max(keyOrPath.LastIndexOf('/'), keyOrPath.LastIndexOf('\\')) + 1;
        var parts = keyOrPath[folderEnd..^4].Split('.');
        var (forced, sdh, last) = (false, false, parts.Length - 1);
        for (; last > 0; last--)
        {
            if (parts[last].Equals(ForcedFlag, StringComparison.OrdinalIgnoreCase) && !forced)
            {
                forced = true;
            }
            else if (parts[last].Equals(HearingImpairedFlag, StringComparison.OrdinalIgnoreCase) && !sdh)
            {
                sdh = true;
            }
            else
            {
                break;
            }
        }

        // A language and a non-empty video name before it.
        var language = last > 0 ? LanguageTag.Normalize(parts[last]) : null;
        var video = string.Join('.', parts[..last]);
        return language is null || video.Length == 0
            ? null
            : new CaptionFileName(keyOrPath[..folderEnd] + video, language, forced, sdh, format);
    }

    /// <summary>
    /// The name of a caption beside <paramref name="videoKey"/> by the rule: the video's key without its extension,
    /// the language, the flags, the format's extension (<c>uploads/clip.mp4</c>, <c>fr</c> → <c>uploads/clip.fr.vtt</c>).
    /// </summary>
    public static string For(string videoKey, string language, bool forced, bool hearingImpaired, CaptionFormat format)
    {
        var normal = LanguageTag.Normalize(language) ?? throw new ArgumentException($"'{language}' is not a language tag", nameof(language));
        var name = $"{WithoutExtension(videoKey)}.{normal}{(forced ? "." + ForcedFlag : "")}{(hearingImpaired ? "." + HearingImpairedFlag : "")}";
        return name + (format == CaptionFormat.SubRip ? ".srt" : ".vtt");
    }

    /// <summary>Whether this caption belongs to the video at <paramref name="videoKeyOrPath"/> (the same folder and name).</summary>
    public bool IsBeside(string videoKeyOrPath) =>
        Video == videoKeyOrPath || Video == WithoutExtension(videoKeyOrPath);

    /// <summary>
    /// The keys or paths the video may have: <see cref="Video"/> itself when it ends with a video extension, and it
    /// with each of <paramref name="videoSuffixes"/> in lower and upper case. The video may be gone from the upload
    /// bucket (uploads expire), so a late caption finds its video's outputs from these names, never from a listing.
    /// </summary>
    public IReadOnlyList<string> VideoCandidates(IReadOnlyList<string> videoSuffixes)
    {
        var candidates = new List<string>();
        if (videoSuffixes.Any(s => Video.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            candidates.Add(Video);
        }

        candidates.AddRange(videoSuffixes.Select(s => Video + s.ToLowerInvariant()));
        candidates.AddRange(videoSuffixes.Select(s => Video + s.ToUpperInvariant()));
        return [.. candidates.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The key prefix under which every caption of <paramref name="videoKey"/> lies: its name without the extension
    /// and a dot (<c>uploads/clip.</c>).
    /// </summary>
    public static string PrefixBeside(string videoKey) => WithoutExtension(videoKey) + ".";

    /// <summary>
    /// The name of the track this caption becomes in the outputs (<c>caption-fr</c>, <c>caption-pt-br-forced-sdh</c>):
    /// one track per language and flags, so that a caption sent again replaces the earlier one.
    /// </summary>
    public string TrackId =>
        TrackPrefix + Language.ToLowerInvariant() + (Forced ? "-" + ForcedFlag : "") + (HearingImpaired ? "-" + HearingImpairedFlag : "");

    /// <summary>The language and flags of a track named by <see cref="TrackId"/>; null for any other name.</summary>
    public static (string Language, bool Forced, bool HearingImpaired)? ParseTrackId(string trackId)
    {
        if (!trackId.StartsWith(TrackPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = trackId[TrackPrefix.Length..];
        var sdh = rest.EndsWith("-" + HearingImpairedFlag, StringComparison.Ordinal);
        rest = sdh ? rest[..^(HearingImpairedFlag.Length + 1)] : rest;
        var forced = rest.EndsWith("-" + ForcedFlag, StringComparison.Ordinal);
        rest = forced ? rest[..^(ForcedFlag.Length + 1)] : rest;
        return LanguageTag.Normalize(rest) is { } language ? (language, forced, sdh) : null;
    }

    private static string WithoutExtension(string keyOrPath)
    {
        var dot = keyOrPath.LastIndexOf('.');
        var folderEnd = Math.Max(keyOrPath.LastIndexOf('/'), keyOrPath.LastIndexOf('\\'));
        return dot > folderEnd + 1 ? keyOrPath[..dot] : keyOrPath;
    }
}
