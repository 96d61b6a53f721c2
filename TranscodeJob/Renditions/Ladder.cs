using System.Globalization;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Hosting;

namespace Transcoder.TranscodeJob.Renditions;

/// <summary>The renditions to make (tallest first) and the encoder settings they share.</summary>
internal sealed record Ladder(IReadOnlyList<Rendition> Renditions, EncoderSettings Encoder)
{
    // Peak bitrates close to Apple's HLS authoring guidance for H.264 at 30 fps; capped CRF spends less on easy scenes.
    // AV1 twins below 1080p, where SVT-AV1 needs fewer bits than x264 for the same SSIM (at 1080p it needs more on the
    // content set), capped at 85-90% of the H.264 caps: hard content, where caps bind, is where AV1 saves least
    // (bench/av1_presets.py, bench/README.md).
    public static Ladder Default { get; } = new(
        [
            new("1080p", 1080, 6000, 128),
            new("720p", 720, 3000, 128) { Av1Kbps = 2700 },
            new("480p", 480, 1500, 96) { Av1Kbps = 1300 },
            new("360p", 360, 800, 96) { Av1Kbps = 700 },
        ],
        new EncoderSettings());

    /// <summary>
    /// The video codecs the ladder is encoded in: H.264 always; with <see cref="VideoCodecs.Av1"/>, AV1 twins of the
    /// rungs that offer AV1 (<see cref="Rendition.Av1Kbps"/>). The ladder file's, replaced by the request's.
    /// </summary>
    public VideoCodecs Codecs { get; init; } = VideoCodecs.H264;

    private const int MinimumVideoKbps = 100;

    /// <summary>How the rungs' rate control is chosen: the ladder file's <c>ladderMode</c>, unless the options say otherwise.</summary>
    public LadderMode Mode { get; init; } = LadderModes.Default;

    /// <summary>
    /// The renditions were named by the request (<see cref="Select"/>: the job's option, the message or the upload's
    /// metadata). Whoever names them wants them: the per-title ladder still chooses each one's factor but drops none.
    /// </summary>
    public bool RungsNamed { get; init; }

    /// <summary>
    /// The named renditions, tallest first. A name the ladder lacks but shaped like <c>540p</c> gets bitrates
    /// interpolated from its neighbours. Unknown names are a usage error listing what is known.
    /// </summary>
    public Ladder Select(IReadOnlyList<string> names)
    {
        var chosen = new List<Rendition>();
        var problems = new List<string>();
        foreach (var name in names)
        {
            var rung = Renditions.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
            if (rung is null && RenditionNames.TryParseHeight(name, out var height))
            {
                rung = RungAt(height);
            }

            if (rung is null)
            {
                problems.Add(RenditionNames.Problem(name, [.. Renditions.Select(r => r.Name)]) ?? $"unknown rendition '{name}'");
            }
            else if (!chosen.Any(c => c.Height == rung.Height))
            {
                chosen.Add(rung);
            }
        }

        if (problems.Count > 0)
        {
            throw new UsageException(problems);
        }

        return this with { Renditions = [.. chosen.OrderByDescending(r => r.Height)], RungsNamed = true };
    }

    /// <summary>
    /// A rung at any height: between two rungs the bitrates are interpolated by height; outside the ladder they
    /// scale with the pixel count to the power 0.75 (bits per pixel rise as pictures shrink).
    /// </summary>
    public Rendition RungAt(int height)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{height}p");
        var above = Renditions.Where(r => r.Height >= height).MinBy(r => r.Height);
        var below = Renditions.Where(r => r.Height <= height).MaxBy(r => r.Height);
        if (above is not null && above.Height == height)
        {
            return above with { Name = name };
        }

        if (above is not null && below is not null)
        {
            var t = (double)(height - below.Height) / (above.Height - below.Height);
            static int Between(double t, int low, int high) => (int)Math.Round(low + (t * (high - low)));
            return new Rendition(name, height, Between(t, below.VideoKbps, above.VideoKbps), below.AudioKbps)
            {
                // AV1 between two rungs that both offer it; not beside a rung where it does not pay.
                Av1Kbps = below.Av1Kbps is { } low && above.Av1Kbps is { } high ? Between(t, low, high) : null,
            };
        }

        var nearest = above ?? below ?? throw new InvalidOperationException("a ladder has at least one rendition");
        var scale = Math.Pow((double)height / nearest.Height, 1.5);
        int Scaled(int kbps) => Math.Max(MinimumVideoKbps, (int)Math.Round(kbps * scale));
        return new Rendition(name, height, Scaled(nearest.VideoKbps), nearest.AudioKbps)
        {
            Av1Kbps = nearest.Av1Kbps is { } av1 ? Scaled(av1) : null,
        };
    }
}
