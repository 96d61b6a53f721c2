using System.Globalization;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Hosting;

namespace Transcoder.TranscodeJob.Renditions;

/// <summary>The renditions to make (tallest first) and the encoder settings they share.</summary>
internal sealed record Ladder(IReadOnlyList<Rendition> Renditions, EncoderSettings Encoder)
{
    // Peak bitrates close to Apple's HLS authoring guidance for H.264 at 30 fps; capped CRF spends less on easy scenes.
    public static Ladder Default { get; } = new(
        [
            new("1080p", 1080, 6000, 128),
            new("720p", 720, 3000, 128),
            new("480p", 480, 1500, 96),
            new("360p", 360, 800, 96),
        ],
        new EncoderSettings());

    private const int MinimumVideoKbps = 100;

    /// <summary>How the rungs' rate control is chosen: the ladder file's <c>ladderMode</c>, unless the options say otherwise.</summary>
    public LadderMode Mode { get; init; } = LadderModes.Default;

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

        return this with { Renditions = [.. chosen.OrderByDescending(r => r.Height)] };
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
            return new Rendition(
                name,
                height,
                (int)Math.Round(below.VideoKbps + (t * (above.VideoKbps - below.VideoKbps))),
                below.AudioKbps);
        }

        var nearest = above ?? below ?? throw new InvalidOperationException("a ladder has at least one rendition");
        var scale = Math.Pow((double)height / nearest.Height, 1.5);
        return new Rendition(name, height, Math.Max(MinimumVideoKbps, (int)Math.Round(nearest.VideoKbps * scale)), nearest.AudioKbps);
    }
}
