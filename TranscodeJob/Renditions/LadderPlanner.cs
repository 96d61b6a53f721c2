using System.Globalization;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Renditions;

/// <summary>
/// Plans the renditions of one source. Sizes are computed on the displayed picture (anamorphic pixels stretched,
/// rotation applied): a portrait phone video stays portrait, a 16:9 DVD comes out 16:9 with square pixels.
/// </summary>
internal sealed class LadderPlanner(Ladder ladder)
{
    /// <summary>Smaller than this on the short side is not a video anyone should be transcoding.</summary>
    public const int MinimumSide = 16;

    /// <summary>
    /// The widest displayed picture, either way: an ultra-wide 32:9 or a 360° 2:1 fits; a 32768x16 stream (2048:1) or
    /// pixels 100 times wider than tall make no picture a player shows, only a scaler error.
    /// </summary>
    public const int MaxDisplayAspect = 10;

    /// <summary>The most a pixel may be stretched, either way (anamorphic DVDs and HDV stretch by up to 2).</summary>
    public const int MaxPixelAspect = 10;

    /// <summary>The longest side of a rendition: H.264 level 6.2 and every 8K decoder take 8192.</summary>
    public const int MaxOutputSide = 8192;

    // Never upscale. A rung taller than the source is skipped; the source's own size takes its place when that
    // is at least 10% taller than the next rung that fits (a 540p upload gets 540p, 480p, 360p; a 486p one just
    // 480p and 360p), or when no rung fits at all (a 240p upload gets 240p).
    private const double OwnSizeMargin = 1.10;

    // Above 30 fps a rung needs more bits for the same quality.
    private const double HighFrameRateBitrateFactor = 1.5;

    /// <summary>The video renditions, best first; none for an audio-only source.</summary>
    public IReadOnlyList<RenditionPlan> PlanFor(SourceMedia source)
    {
        if (source.Video is not { } video)
        {
            return [];
        }

        var shortSide = Math.Min(video.DisplayWidth, video.DisplayHeight);
        var longSide = Math.Max(video.DisplayWidth, video.DisplayHeight);
        CheckShape(video);
        if (shortSide < MinimumSide)
        {
            throw JobException.BadInput($"picture {video.DisplayWidth}x{video.DisplayHeight} is too small to transcode (minimum {MinimumSide} px)");
        }

        var rungs = ladder.Renditions.Where(r => r.Height <= shortSide).OrderByDescending(r => r.Height).ToList();
        var anySkipped = ladder.Renditions.Any(r => r.Height > shortSide);
        var ownHeight = shortSide & ~1;
        if (anySkipped && (rungs.Count == 0 || ownHeight >= rungs[0].Height * OwnSizeMargin))
        {
            rungs.Insert(0, ladder.RungAt(ownHeight));
        }

        // A very wide picture's tallest rungs would be wider than any decoder takes: they go, the smaller ones stay.
        rungs.RemoveAll(r => EvenRound((double)longSide * (r.Height & ~1) / shortSide) > MaxOutputSide);
        if (rungs.Count == 0)
        {
            throw JobException.BadInput($"picture {video.DisplayWidth}x{video.DisplayHeight}: every rendition would be over {MaxOutputSide} px on its long side");
        }

        var frameRate = FrameRates.Plan(FrameRates.ForSource(video, source.Packets));
        var bitrateFactor = frameRate.Value > 31 ? HighFrameRateBitrateFactor : 1.0;
        var portrait = video.DisplayHeight > video.DisplayWidth;

        var plans = rungs.Select(rung =>
        {
            var shortOut = rung.Height & ~1;
            var longOut = EvenRound((double)longSide * shortOut / shortSide);
            return (Rung: rung, Plan: new RenditionPlan(
                rung.Name,
                Width: portrait ? shortOut : longOut,
                Height: portrait ? longOut : shortOut,
                frameRate,
                (int)Math.Round(rung.VideoKbps * bitrateFactor),
                rung.AudioKbps,
                ToneMap: video.IsHdr,
                Deinterlace: video.IsInterlaced)
            {
                Duration = source.Duration,
                LastFrameHold = source.LastFrameHold,
                MaxLossDb = rung.MaxLossDb,
            });
        }).ToList();
        return [.. plans.Select(p => p.Plan), .. Av1Twins(plans, bitrateFactor)];
    }

    /// <summary>
    /// With AV1 asked for, after the H.264 renditions: an AV1 twin of each rung that offers one, the same picture (so
    /// the same scaled frames) under its own cap. Not below SVT-AV1's smallest picture.
    /// </summary>
    private IEnumerable<RenditionPlan> Av1Twins(IReadOnlyList<(Rendition Rung, RenditionPlan Plan)> plans, double bitrateFactor) =>
        ladder.Codecs.HasFlag(VideoCodecs.Av1)
            ? plans
                .Where(p => p.Rung.Av1Kbps is not null && Math.Min(p.Plan.Width, p.Plan.Height) >= Av1Settings.MinSide)
                .Select(p => p.Plan with
                {
                    Name = p.Plan.Name + RenditionPlan.Av1Suffix,
                    VideoKbps = (int)Math.Round(p.Rung.Av1Kbps!.Value * bitrateFactor),
                    Codec = VideoCodecs.Av1,
                })
            : [];

    private static void CheckShape(VideoStreamInfo video)
    {
        var sar = video.SampleAspectRatio;
        if (sar.IsPositive && (sar.Value > MaxPixelAspect || sar.Value < 1.0 / MaxPixelAspect))
        {
            throw JobException.BadInput(
                $"picture {video.Width}x{video.Height} has a pixel aspect ratio of {sar.Numerator}:{sar.Denominator}, outside the 1:{MaxPixelAspect} to {MaxPixelAspect}:1 the job encodes");
        }

        var aspect = (double)Math.Max(video.DisplayWidth, video.DisplayHeight) / Math.Max(1, Math.Min(video.DisplayWidth, video.DisplayHeight));
        if (aspect > MaxDisplayAspect)
        {
            throw JobException.BadInput(string.Create(CultureInfo.InvariantCulture,
                $"picture {video.DisplayWidth}x{video.DisplayHeight} is {aspect:0.#} times as wide as it is tall, beyond the {MaxDisplayAspect}:1 the job encodes"));
        }
    }

    // H.264 with 4:2:0 chroma needs even dimensions.
    private static int EvenRound(double value) => Math.Max(2, 2 * (int)Math.Round(value / 2, MidpointRounding.AwayFromZero));
}
