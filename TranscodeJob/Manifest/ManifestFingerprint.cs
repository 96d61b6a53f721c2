using System.Globalization;
using System.Security.Cryptography;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Manifest;

/// <summary>
/// The manifest's fingerprint: which upload was transcoded (its <see cref="SourceRevision"/>) and what was asked of it
/// (the ladder after the renditions were chosen, the encoder settings, the formats, the ladder mode, the codecs). A rerun whose fingerprint matches
/// is "already done"; a resubmission asking for other renditions or formats is not.
/// </summary>
internal static class ManifestFingerprint
{
    public static string For(SourceRevision revision, Ladder ladder, StreamingFormats formats)
    {
        var request = string.Join(
            '\n',
            ladder.Renditions.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Name}:{r.Height}:{r.VideoKbps}:{r.AudioKbps}"))
                .Append(string.Create(CultureInfo.InvariantCulture, $"{ladder.Encoder.Preset}:{ladder.Encoder.Crf}:{ladder.Encoder.GopSeconds}"))
                .Append(StreamingFormatList.Format(formats))
                // Only when asked for: the fingerprints of requests without it stay what they were.
                .Concat(ladder.Encoder.Loudness is { } loudness ? [$"loudness:{loudness}"] : [])
                // The fixed ladder's fingerprints stay what they were before the per-title ladder; a per-title one
                // differs from them, and with any rung's allowance.
                .Concat(ladder.Mode == LadderMode.PerTitle
                    ? [$"ladder:{LadderModes.Name(ladder.Mode)}", .. ladder.Renditions.Select(r => string.Create(CultureInfo.InvariantCulture, $"maxLoss:{r.Name}:{r.MaxLossDb}")),
                       .. ladder.RungsNamed ? ["named"] : Array.Empty<string>()]
                    : [])
                .Concat(ladder.Codecs.HasFlag(VideoCodecs.Av1) ? Av1Request(ladder) : []));
        var digest = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(request)).AsSpan(0, 8));
        return $"{revision};request={digest}";
    }

    // The AV1 twins and their encoder: only when AV1 is asked for, so H.264-only requests keep their fingerprints.
    private static IEnumerable<string> Av1Request(Ladder ladder) =>
        ladder.Renditions.Select(r => string.Create(CultureInfo.InvariantCulture, $"av1:{r.Name}:{r.Av1Kbps}"))
            .Prepend(string.Create(CultureInfo.InvariantCulture, $"codecs:{VideoCodecList.Format(ladder.Codecs)}:{ladder.Encoder.Av1.Preset}:{ladder.Encoder.Av1.Crf}"));
}
