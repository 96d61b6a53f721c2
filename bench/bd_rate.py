#!/usr/bin/env python3
"""Reads av1_presets.py's curves.csv and prints, per SVT-AV1 preset: each rung's BD-rate against x264 (median over the
clips), the CPU it costs, the AV1 CRF that matches x264's CRF 23 in SSIM, and for each set of rungs AV1 could be offered
on (all four, 720p and below, 480p and below, 360p) whether the issue's two targets hold.

  python3 bench/bd_rate.py WORK_DIR/curves.csv

BD-rate (Bjontegaard): log(rate) interpolated piecewise-linearly in SSIM dB on each curve (no numpy here), the
difference averaged over the SSIM range both curves cover; negative means AV1 needs fewer bits for the same SSIM.
Curves that do not overlap (a static slide: AV1's worst point is better than x264's best, for fewer bits) have no
BD-rate; one codec dominating the other counts as -inf (AV1 better) or +inf, and the median over the clips is the
higher of the two middle values (median_high), the one less kind to AV1.
"AV1 CRF": the AV1 CRF that reaches the SSIM x264 reaches at the job's CRF 23 (the rung's operating point), median
over the clips where that SSIM is on the AV1 curve.
Job CPU (estimated): the H.264 job is the shared decode and scale plus every x264 rung at CRF 23; AV1 adds its rungs at
the CRF that matches. bench/av1_presets.py job measures the real job.
"""
import csv, math, statistics, sys

RUNGS = ["1080p", "720p", "480p", "360p"]
OFFERS = [RUNGS, RUNGS[1:], RUNGS[2:], RUNGS[3:]]
OPERATING_CRF = 23

rows = list(csv.DictReader(open(sys.argv[1])))
# Only clips with every curve (a run still going has some half done).
complete = {(r["clip"], r["rung"], r["codec"], r["preset"]) for r in rows}
clips = sorted(c for c in {r["clip"] for r in rows}
               if all((c, rung, codec, preset) in complete for rung in ["1080p", "720p", "480p", "360p"]
                      for codec, preset in [("h264", "veryfast")] + [("av1", p) for p in {r["preset"] for r in rows if r["codec"] == "av1"}]))
presets = sorted({r["preset"] for r in rows if r["codec"] == "av1"}, key=int)


def points(clip, rung, codec, preset):
    return sorted(((float(r["ssim_db"]), float(r["kbps"]), float(r["cpu_s"]), int(r["crf"])) for r in rows
                   if r["clip"] == clip and r["rung"] == rung and r["codec"] == codec and r["preset"] == preset))


def at(curve, q, column):
    """A column (1 kbps as log, 2 CPU, 3 CRF) interpolated at SSIM q; None outside the curve."""
    for a, b in zip(curve, curve[1:]):
        if a[0] <= q <= b[0]:
            f = 0 if b[0] == a[0] else (q - a[0]) / (b[0] - a[0])
            if column == 1:
                return math.exp(math.log(a[1]) + f * (math.log(b[1]) - math.log(a[1])))
            return a[column] + f * (b[column] - a[column])
    return None


def bd_rate(ref, test, steps=100):
    lo, hi = max(ref[0][0], test[0][0]), min(ref[-1][0], test[-1][0])
    if hi <= lo:
        if test[0][0] >= ref[-1][0] and test[0][1] <= ref[-1][1]:
            return -math.inf
        if ref[0][0] >= test[-1][0] and ref[0][1] <= test[-1][1]:
            return math.inf
        return float("nan")
    grid = [lo + (hi - lo) * i / steps for i in range(steps + 1)]
    return (math.exp(sum(math.log(at(test, g, 1)) - math.log(at(ref, g, 1)) for g in grid) / len(grid)) - 1) * 100


def median(values):
    values = [v for v in values if v == v]
    return statistics.median_high(values) if values else float("nan")


decode = {r["clip"]: float(r["cpu_s"]) for r in rows if r["codec"] == "decode"}
print(f"{len(clips)} clips: {', '.join(clips)}")
print("Per rung, median over the clips (BD-rate over the shared SSIM range; CPU at the x264 CRF 23 point)")
print(f"{'preset':>6} {'rung':>5} {'BD-rate':>8} {'AV1 CRF':>7} {'CPU AV1/x264':>12}")
for preset in presets:
    for rung in RUNGS:
        bds, crfs, cpus = [], [], []
        for clip in clips:
            h, a = points(clip, rung, "h264", "veryfast"), points(clip, rung, "av1", preset)
            bds.append(bd_rate(h, a))
            op = next(p for p in h if p[3] == OPERATING_CRF)
            crf, cpu = at(a, op[0], 3), at(a, op[0], 2)
            crfs.append(crf if crf else float("nan"))
            cpus.append((cpu if cpu else statistics.mean(p[2] for p in a)) / op[2])
        print(f"{preset:>6} {rung:>5} {median(bds):7.1f}% {median(crfs):7.1f} {median(cpus):11.2f}x")

print()
print("AV1 offered on a set of rungs: BD-rate (median over the clips of the mean over the set's rungs) and the job's CPU "
      "with both codecs against H.264 alone (estimated, median over the clips); targets <= -20% and <= 3x")
print(f"{'preset':>6} {'AV1 rungs':>24} {'BD-rate':>8} {'job CPU':>8}  targets")
for preset in presets:
    for offer in OFFERS:
        bds, ratios = [], []
        for clip in clips:
            per = [bd_rate(points(clip, r, "h264", "veryfast"), points(clip, r, "av1", preset)) for r in offer]
            # A dominated rung counts as -100% / +100% in the set's mean (a bound, not a measurement).
            per = [max(-100.0, min(100.0, b)) for b in per if b == b]
            bds.append(statistics.mean(per) if per else float("nan"))
            h264 = decode[clip] + sum(next(p[2] for p in points(clip, r, "h264", "veryfast") if p[3] == OPERATING_CRF) for r in RUNGS)
            av1 = 0.0
            for r in offer:
                h, a = points(clip, r, "h264", "veryfast"), points(clip, r, "av1", preset)
                op = next(p for p in h if p[3] == OPERATING_CRF)
                av1 += at(a, op[0], 2) or statistics.mean(p[2] for p in a)
            ratios.append((h264 + av1) / h264)
        bd, ratio = median(bds), median(ratios)
        ok = "both" if bd <= -20 and ratio <= 3 else ("BD-rate only" if bd <= -20 else ("CPU only" if ratio <= 3 else "neither"))
        print(f"{preset:>6} {','.join(offer):>24} {bd:7.1f}% {ratio:7.2f}x  {ok}")
