"""BD-rate (Bjontegaard) between two rate-quality curves, and, run as a script, of each AV1 preset against x264 per clip
and median, from av1_presets.sh's CSV.

Interpolates log(rate) piecewise-linearly in SSIM dB for each curve (no numpy on the bench machine) and integrates the
difference over the SSIM range both curves cover; negative means the second curve needs fewer bits for the same SSIM.
bench/per_title.py imports bd_rate() for the per-title ladder against the fixed one."""
import csv, statistics, sys
import math


def log_rate_at(rate, q, at):
    pts = sorted(zip(q, rate))
    for (q0, r0), (q1, r1) in zip(pts, pts[1:]):
        if q0 <= at <= q1:
            f = 0 if q1 == q0 else (at - q0) / (q1 - q0)
            return math.log(r0) + f * (math.log(r1) - math.log(r0))
    raise ValueError(at)


def bd_rate(rate_a, q_a, rate_b, q_b, steps=200):
    lo, hi = max(min(q_a), min(q_b)), min(max(q_a), max(q_b))
    if hi <= lo:
        return float("nan")
    grid = [lo + (hi - lo) * i / steps for i in range(steps + 1)]
    avg = sum(log_rate_at(rate_b, q_b, g) - log_rate_at(rate_a, q_a, g) for g in grid) / len(grid)
    return (math.exp(avg) - 1) * 100


def main():
    rows = list(csv.DictReader(open(sys.argv[1])))

    def curve(clip, codec, preset):
        r = [x for x in rows if x["clip"] == clip and x["codec"] == codec and x["preset"] == preset]
        return [float(x["kbps"]) for x in r], [float(x["ssim_db"]) for x in r], sum(float(x["cpu_s"]) for x in r)

    clips = sorted({x["clip"] for x in rows})
    for preset in sorted({x["preset"] for x in rows if x["codec"] == "av1"}):
        bds, cpus = [], []
        for clip in clips:
            hr, hq, hc = curve(clip, "h264", "veryfast")
            ar, aq, ac = curve(clip, "av1", preset)
            bd = bd_rate(hr, hq, ar, aq)
            bds.append(bd); cpus.append(ac / hc)
            print(f"preset {preset} {clip:10s} BD-rate {bd:7.1f}%  CPU AV1/x264 {ac / hc:5.2f}")
        good = [b for b in bds if b == b]
        print(f"preset {preset} MEDIAN      BD-rate {statistics.median(good) if good else float('nan'):7.1f}%  "
              f"CPU AV1/x264 {statistics.median(cpus):5.2f}  (job with both: ~{1 + statistics.median(cpus):.2f}x H.264 alone, decode shared)")


if __name__ == "__main__":
    main()
