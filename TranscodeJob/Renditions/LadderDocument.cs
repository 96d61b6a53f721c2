namespace Transcoder.TranscodeJob.Renditions;

/// <summary>
/// A ladder file as written by hand:
/// <code>
/// { "preset": "veryfast", "crf": 23, "gopSeconds": 2,
///   "renditions": [ { "name": "720p", "height": 720, "videoKbps": 3000, "audioKbps": 128 } ] }
/// </code>
/// Everything but <c>renditions</c> is optional.
/// </summary>
internal sealed class LadderDocument
{
    public string? Preset { get; set; }

    public int? Crf { get; set; }

    public double? GopSeconds { get; set; }

    /// <summary><c>ebu</c> (−23 LUFS), <c>-16</c> or <c>-14</c>: normalise the audio to it. Absent: leave it.</summary>
    public string? Loudness { get; set; }

    /// <summary>The true-peak ceiling of the normalisation, dBTP; −1 unless given.</summary>
    public double? TruePeak { get; set; }

    /// <summary><c>per-title</c> or <c>fixed</c> (see <see cref="LadderMode"/>); absent: the job's default.</summary>
    public string? LadderMode { get; set; }

    /// <summary><c>h264</c> or <c>h264,av1</c>: the codecs this ladder is encoded in unless the job is told otherwise.</summary>
    public string? Codecs { get; set; }

    /// <summary>SVT-AV1's preset for the AV1 renditions, 0–13.</summary>
    public int? Av1Preset { get; set; }

    /// <summary>SVT-AV1's CRF for the AV1 renditions (capped by each rung's <c>av1Kbps</c>), 1–63.</summary>
    public int? Av1Crf { get; set; }

    public List<LadderRungDocument>? Renditions { get; set; }
}
