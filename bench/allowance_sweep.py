#!/usr/bin/env python3
"""How large a lower rung's allowance (maxLossDb) should be, judged by VMAF as well as SSIM (issue 18).

  python3 bench/allowance_sweep.py --vmaf FFMPEG [--vmaf-model PATH] [--work DIR] [--seconds S] CLIP ...

For each clip, every rung of the default ladder (1080p 6000k, 720p 3000k, 480p 1500k, 360p 800k caps; x264 veryfast,
GOP 2 s at 30 fps, as the job encodes them) is encoded over the clip's first S seconds at CRF 23, 26, 29, 32 and 35,
and each encode is scored against the source at 1920x1080 (scaled bicubic): SSIM and PSNR with the PATH's ffmpeg, VMAF
(v0.6.1) with FFMPEG, an ffmpeg built with libvmaf (bench/README.md, "VMAF").

Then the per-title rule for a rung's factor is replayed on those points for several allowances, bounding the SSIM alone
and then the SSIM and the PSNR (LadderChooser: trials at the ladder's CRF and 12 above it, each metric interpolated
linearly between them, the highest factor whose predictions keep the targets; the largest rung keeps CRF 23), and each
resulting ladder is compared with the fixed one (every rung at CRF 23) by BD-rate over VMAF and over SSIM dB. The rung drops and the 3% equal-bits rule are left out: this weighs the
allowance alone. Encodes and scores are kept in WORK, so a rerun only prints.

Last, the ceiling: the best BD-rate over VMAF that any choice among the measured encodes gives with the largest rung
kept at CRF 23, first each lower rung at whichever measured factor is best for the BD-rate (what a perfect factor
rule could reach), then any three measured encodes of any size beside it (what choosing each rung's size as well could
reach). Both look for the best BD-rate itself, so they are upper bounds, not ladders to make.
"""
import argparse, itertools, json, math, os, statistics, subprocess, sys

from bjontegaard import bd_rate
from stats_logs import psnr_db, ssim_db
from vmaf import mean_vmaf, vmaf_filter

RUNGS = [(1080, 6000), (720, 3000), (480, 1500), (360, 800)]
CRFS = [23, 26, 29, 32, 35]
LADDER_CRF, MAX_RAISE = 23, 12
ALLOWANCES = [0.25, 0.5, 0.75, 1.0, 1.5]


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    return p


def point(args, clip, folder, height, kbps, crf):
    """One rung at one factor: kb/s, VMAF, SSIM dB and PSNR at 1920x1080."""
    cached = os.path.join(folder, f"{height}-{crf}.json")
    if os.path.exists(cached):
        return json.load(open(cached))
    width = (height * 16 // 9 + 1) // 2 * 2
    encode = os.path.join(folder, f"{height}-{crf}.mp4")
    run(["ffmpeg", "-v", "error", "-y", "-i", clip, "-t", str(args.seconds), "-an", "-vf", f"scale={width}:{height},format=yuv420p,setsar=1",
         "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-crf", str(crf), "-maxrate", f"{kbps}k", "-bufsize", f"{2 * kbps}k",
         "-r", "30", "-g", "60", "-keyint_min", "60", "-sc_threshold", "0", encode])
    seconds = float(run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", encode]).stdout)
    scaled = ("[0:v]scale=1920:1080:flags=bicubic,format=yuv420p,setsar=1[d];"
              "[1:v]fps=30,scale=1920:1080,format=yuv420p,setsar=1[r];")
    ssim_log, psnr_log, vmaf_log = (os.path.join(folder, f) for f in ("ssim.log", "psnr.log", "vmaf.json"))
    # SSIM and PSNR in one run, each input decoded once; VMAF with its own ffmpeg.
    run(["ffmpeg", "-v", "error", "-i", encode, "-t", str(args.seconds), "-i", clip, "-filter_complex",
         scaled + f"[d]split[d1][d2];[r]split[r1][r2];[d1][r1]ssim=stats_file={ssim_log};[d2][r2]psnr=stats_file={psnr_log}", "-f", "null", "-"])
    run([args.vmaf, "-v", "error", "-i", encode, "-t", str(args.seconds), "-i", clip, "-filter_complex",
         scaled + "[d][r]" + vmaf_filter(args.vmaf, args.vmaf_model, vmaf_log, args.vmaf_subsample), "-f", "null", "-"])
    result = {"kbps": os.path.getsize(encode) * 8 / seconds / 1000, "vmaf": mean_vmaf(vmaf_log),
              "ssimDb": ssim_db(ssim_log), "psnr": psnr_db(psnr_log)}
    os.remove(encode)
    json.dump(result, open(cached, "w"))
    return result


def at(curve, crf, key):
    """A value between measured factors: linear (the bit rate in its logarithm, as RungCurve interpolates)."""
    lo = max(c for c in curve if c <= crf)
    hi = min(c for c in curve if c >= crf)
    t = 0 if hi == lo else (crf - lo) / (hi - lo)
    if key == "kbps":
        return math.exp(math.log(curve[lo][key]) + t * (math.log(curve[hi][key]) - math.log(curve[lo][key])))
    return curve[lo][key] + t * (curve[hi][key] - curve[lo][key])


def chosen_crf(curve, allowance, metrics):
    """LadderChooser's target rule on the two trials a lower rung gets: the ladder's factor and 12 above it."""
    def keeps(crf, key):
        lo, hi = curve[LADDER_CRF][key], curve[LADDER_CRF + MAX_RAISE][key]
        return lo + (crf - LADDER_CRF) / MAX_RAISE * (hi - lo) >= lo - allowance - 1e-9
    return max(c for c in range(LADDER_CRF, LADDER_CRF + MAX_RAISE + 1) if all(keeps(c, key) for key in metrics))


def ladder(curves, allowance, metrics=("ssimDb",)):
    crfs = [LADDER_CRF] + [chosen_crf(c, allowance, metrics) for c in curves[1:]]
    return [(at(c, crf, "kbps"), at(c, crf, "vmaf"), at(c, crf, "ssimDb"), crf) for c, crf in zip(curves, crfs)]


def bd(fixed, per, metric):
    return bd_rate([p[0] for p in fixed], [p[metric] for p in fixed], [p[0] for p in per], [p[metric] for p in per])


def ceilings(curves, fixed):
    """The best BD-rate over VMAF: each lower rung at its best measured factor, then any three encodes of any size."""
    top = (curves[0][LADDER_CRF]["kbps"], curves[0][LADDER_CRF]["vmaf"])
    def best(choices):
        return min(bd_rate([p[0] for p in fixed], [p[1] for p in fixed], [top[0]] + [p["kbps"] for p in c], [top[1]] + [p["vmaf"] for p in c])
                   for c in choices)
    factors = best(itertools.product(*([c[crf] for crf in CRFS] for c in curves[1:])))
    encodes = [c[crf] for c in curves for crf in CRFS if c[crf] is not curves[0][LADDER_CRF]]
    return factors, best(itertools.combinations(encodes, len(curves) - 1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vmaf", required=True, metavar="FFMPEG", help="an ffmpeg built with libvmaf")
    parser.add_argument("--vmaf-model", default="", help="the model file, for libvmaf 1.x (vmaf_v0.6.1.pkl)")
    parser.add_argument("--vmaf-subsample", type=int, default=5, help="score every Nth frame")
    parser.add_argument("--work", default="/tmp/allowance-sweep")
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("clips", nargs="+")
    args = parser.parse_args()
    print("| clip | bound | allowance | CRF per rung | VMAF per rung | BD-rate (VMAF) | BD-rate (SSIM) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    bounds = {"SSIM": ("ssimDb",), "SSIM and PSNR": ("ssimDb", "psnr")}
    by_rule = {(b, a): [] for b in bounds for a in ALLOWANCES}
    ceiling = []
    for clip in args.clips:
        name = os.path.splitext(os.path.basename(clip))[0]
        folder = os.path.join(args.work, name)
        os.makedirs(folder, exist_ok=True)
        curves = [{crf: point(args, clip, folder, h, kbps, crf) for crf in CRFS} for h, kbps in RUNGS]
        fixed = ladder(curves, 0)
        print(f"| {name} | fixed | | {', '.join(str(p[3]) for p in fixed)} | {', '.join(f'{p[1]:.1f}' for p in fixed)} | | |")
        for bound, metrics in bounds.items():
            for allowance in ALLOWANCES:
                per = ladder(curves, allowance, metrics)
                vmaf_bd, ssim_bd = bd(fixed, per, 1), bd(fixed, per, 2)
                by_rule[bound, allowance].append(vmaf_bd)
                print(f"| {name} | {bound} | {allowance:g} dB | {', '.join(str(p[3]) for p in per)} | {', '.join(f'{p[1]:.1f}' for p in per)} | "
                      f"{vmaf_bd:+.1f}% | {ssim_bd:+.1f}% |", flush=True)
        ceiling.append((name, *ceilings(curves, fixed)))
    print()
    for (bound, allowance), bds in by_rule.items():
        print(f"{bound}, {allowance:g} dB: median BD-rate over VMAF {statistics.median(bds):+.1f}% ({', '.join(f'{b:+.1f}' for b in bds)})")
    print("\nThe ceiling, the largest rung at CRF 23 (the best BD-rate over VMAF among the measured encodes; upper bounds):")
    for name, factors, encodes in ceiling:
        print(f"  {name}: each lower rung at its best factor {factors:+.1f}%, any three encodes of any size {encodes:+.1f}%")
    for label, column in (("its best factor", 1), ("any three encodes", 2)):
        print(f"  median, {label}: {statistics.median(c[column] for c in ceiling):+.1f}%")


if __name__ == "__main__":
    main()
