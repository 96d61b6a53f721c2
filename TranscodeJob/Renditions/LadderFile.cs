using System.Globalization;
using System.Text.Json;
using Transcoder.Shared.Hosting;
using Transcoder.Shared.Jobs;

namespace Transcoder.TranscodeJob.Renditions;

/// <summary>Reads a ladder JSON file (see <see cref="LadderDocument"/>), reporting every problem at once.</summary>
internal static class LadderFile
{
    // x264's presets, fastest first.
    private static readonly string[] Presets =
        ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo"];

    // A rung allowed to lose more than this much SSIM (dB) would be a different rung.
    private const double MaxLossDbLimit = 6;

    public static Ladder Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException([$"cannot read ladder file {path}: {exception.Message}"]);
        }

        return Parse(json, path);
    }

    public static Ladder Parse(string json, string source)
    {
        LadderDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, LadderJsonContext.Default.LadderDocument);
        }
        catch (JsonException exception)
        {
            throw new UsageException([$"ladder file {source} is not valid: {exception.Message}"]);
        }

        var defaults = new EncoderSettings();
        var truePeak = document?.TruePeak ?? LoudnessTarget.DefaultTruePeakDbtp;
        var loudness = document?.Loudness is { } name ? LoudnessTarget.Parse(name, truePeak) : null;
        var encoder = new EncoderSettings(
            document?.Preset ?? defaults.Preset,
            document?.Crf ?? defaults.Crf,
            document?.GopSeconds ?? defaults.GopSeconds,
            loudness)
        {
            Av1 = new Av1Settings(document?.Av1Preset ?? defaults.Av1.Preset, document?.Av1Crf ?? defaults.Av1.Crf),
        };
        var rungs = document?.Renditions ?? [];
        var codecProblems = new List<string>();
        var codecs = document?.Codecs is { } codecList ? VideoCodecList.Parse(codecList, codecProblems) : Ladder.Default.Codecs;

        LadderMode? mode = document?.LadderMode is { } modeName && LadderModes.ByName.TryGetValue(modeName, out var named) ? named : null;
        var problems = EncoderProblems(encoder).Concat(Av1Problems(encoder.Av1, codecs, rungs)).Concat(codecProblems)
            .Concat(LoudnessProblems(document, loudness)).Concat(RungProblems(rungs)).ToList();
        if (document?.LadderMode is { } unknown && mode is null)
        {
            problems.Add($"ladderMode '{unknown}' is not a mode ({string.Join(", ", LadderModes.ByName.Keys)})");
        }

        if (problems.Count > 0)
        {
            throw new UsageException([.. problems.Select(p => $"ladder file {source}: {p}")]);
        }

        return new Ladder(
            [.. rungs.Select(r => new Rendition(r.Name!, r.Height, r.VideoKbps, r.AudioKbps) { MaxLossDb = r.MaxLossDb, Av1Kbps = r.Av1Kbps }).OrderByDescending(r => r.Height)],
            encoder)
        {
            Mode = mode ?? LadderModes.Default,
            Codecs = codecs,
        };
    }

    private static IEnumerable<string> EncoderProblems(EncoderSettings encoder)
    {
        if (!Presets.Contains(encoder.Preset))
        {
            yield return $"preset '{encoder.Preset}' is not an x264 preset ({string.Join(", ", Presets)})";
        }

        if (encoder.Crf is < 0 or > 51)
        {
            yield return $"crf {encoder.Crf} is outside 0..51";
        }

        if (encoder.GopSeconds is < 0.5 or > 10)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"gopSeconds {encoder.GopSeconds} is outside 0.5..10");
        }
    }

    private static IEnumerable<string> Av1Problems(Av1Settings av1, VideoCodecs codecs, IReadOnlyList<LadderRungDocument> rungs)
    {
        if (av1.Preset is < 0 or > Av1Settings.MaxPreset)
        {
            yield return $"av1Preset {av1.Preset} is outside 0..{Av1Settings.MaxPreset} (SVT-AV1's presets)";
        }

        if (av1.Crf is < 1 or > Av1Settings.MaxCrf)
        {
            yield return $"av1Crf {av1.Crf} is outside 1..{Av1Settings.MaxCrf}";
        }

        if (codecs.HasFlag(VideoCodecs.Av1) && rungs.Count > 0 && rungs.All(r => r.Av1Kbps is null))
        {
            yield return "codecs asks for av1, but no rendition has an av1Kbps: give the rungs that should have an AV1 twin one";
        }
    }

    private static IEnumerable<string> LoudnessProblems(LadderDocument? document, LoudnessTarget? parsed)
    {
        if (document?.Loudness is { } name && parsed is null)
        {
            yield return $"loudness '{name}' is not a target ({LoudnessTarget.Names})";
        }

        if (document?.TruePeak is { } peak && peak is < -9 or > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"truePeak {peak} is outside -9..0 dBTP");
        }
    }

    private static IEnumerable<string> RungProblems(IReadOnlyList<LadderRungDocument> rungs)
    {
        if (rungs.Count == 0)
        {
            yield return "no renditions: the ladder needs at least one";
        }

        foreach (var (rung, index) in rungs.Select((r, i) => (r, i)))
        {
            var label = string.IsNullOrWhiteSpace(rung.Name) ? $"rendition #{index + 1}" : $"rendition '{rung.Name}'";
            if (string.IsNullOrWhiteSpace(rung.Name))
            {
                yield return $"{label} has no name";
            }

            if (rung.Height is < 16 or > 4320 || rung.Height % 2 != 0)
            {
                yield return $"{label}: height {rung.Height} must be even and within 16..4320";
            }

            if (rung.VideoKbps is < 50 or > 100_000)
            {
                yield return $"{label}: videoKbps {rung.VideoKbps} is outside 50..100000";
            }

            if (rung.Av1Kbps is < 50 or > 100_000)
            {
                yield return $"{label}: av1Kbps {rung.Av1Kbps} is outside 50..100000";
            }

            if (rung.AudioKbps is < 16 or > 512)
            {
                yield return $"{label}: audioKbps {rung.AudioKbps} is outside 16..512";
            }

            if (rung.MaxLossDb is { } loss && loss is < 0 or > MaxLossDbLimit)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{label}: maxLossDb {loss} is outside 0..{MaxLossDbLimit}");
            }
        }

        foreach (var duplicate in rungs.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return $"rendition name '{duplicate.Key}' appears {duplicate.Count()} times";
        }
    }
}
