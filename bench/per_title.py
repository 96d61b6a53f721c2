#!/usr/bin/env python3
"""The per-title ladder against the fixed one over a content set (issue 18).

  python3 bench/per_title.py [--job PATH] [--work DIR] [--seconds S] [--no-reference | --cpu-only] [CLIP ...]

For each clip the job runs twice, LADDER_MODE=fixed and LADDER_MODE=per-title, with the same settings otherwise
(quality measurement on in both). Then every rendition of both runs is measured over its whole length with one
hand-written ffmpeg per run (SSIM and PSNR against the source at the fixed ladder's top size, bicubic, as the job
measures), so both ladders are scored alike even when per-title dropped its top rung. It prints:

- per clip and mode, every rung: its CRF, bytes, kb/s, SSIM dB and PSNR (and the rungs per-title dropped, with why);
- per clip: the BD-rate of per-title against fixed (bench/bjontegaard.py: log-rate interpolated over SSIM dB, over the
  quality range both ladders cover; a per-title ladder of one rung is compared at its own quality with the fixed
  ladder's rate there, clamped into the fixed ladder's range), the best rendition of each, and the CPU of the
  analysis and of the quality measurement as shares of the per-title run's encode;
- the median BD-rate and the targets.

--vmaf FFMPEG scores every rendition with VMAF too (the v0.6.1 model, each rendition scaled bicubic to the fixed ladder's
top size, against the source at that size), with an ffmpeg built with libvmaf (Debian's is not; docs in
bench/README.md, "VMAF"), and prints the VMAF of every rung and the BD-rate over (kb/s, VMAF) points beside SSIM's.
--vmaf-model names the model file for an ffmpeg whose libvmaf reads one (libvmaf 1.x: vmaf_v0.6.1.pkl with its
.pkl.model beside it); --vmaf-subsample N scores every Nth frame (libvmaf's n_subsample), for speed.

--cpu-only runs the per-title mode alone and prints the CPU shares only: for clips long enough that the sampling's
shares apply (on a few seconds of source the windows' minimum count and length make them a large share).

CPU by stage: FFMPEG_PATH points the job at a small wrapper that runs the real ffmpeg and logs each run's user +
system CPU under a kind read from its arguments (the ladder encode, the analysis's trial encodes and their scoring,
the quality measurement, the rest). Without clips it needs CONTENT_SET, the content-set generator
(content_set.sh OUT_DIR SECONDS), and makes SECONDS-long clips of it in WORK/set.
"""
import argparse, glob, json, math, os, shutil, statistics, subprocess, sys

from bjontegaard import bd_rate, log_rate_at
from stats_logs import psnr_db, ssim_db
from vmaf import mean_vmaf, vmaf_filter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

WRAPPER = r'''#!/usr/bin/env python3
import os, resource, subprocess, sys
args = sys.argv[1:]
# The difference around the run: a python3 started through a shim (pyenv's is a bash script that runs helpers, then
# execs python) inherits the shim's reaped children in RUSAGE_CHILDREN, about 0.2 CPU s on every run.
before = resource.getrusage(resource.RUSAGE_CHILDREN)
code = subprocess.run([os.environ["BENCH_REAL_FFMPEG"]] + args).returncode
after = resource.getrusage(resource.RUSAGE_CHILDREN)
joined = " ".join(args)
if "filter_units=remove_types=6" in joined:
    kind = "trials"
elif "-f h264" in joined and "ssim=stats_file" in joined:
    kind = "scoring"
elif "psnr=stats_file" in joined:
    kind = "measure"
elif "-filter_complex" in args and ".cmfv" in joined and "libx264" in joined:
    kind = "encode"
else:
    kind = "other"
with open(os.environ["BENCH_FFMPEG_LOG"], "a") as log:
    log.write(f"{kind} {after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime:.3f}\n")
sys.exit(code)
'''


def run(cmd, env=None):
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    return p


def job(args, wrapper, clip, mode):
    out = os.path.join(args.work, "out", mode)
    shutil.rmtree(out, ignore_errors=True)
    log = os.path.join(args.work, f"cpu-{mode}.log")
    if os.path.exists(log):
        os.remove(log)
    env = dict(os.environ, LADDER_MODE=mode, QUALITY="on", LOG_FORMAT="text", FFMPEG_PATH=wrapper,
               BENCH_REAL_FFMPEG=shutil.which("ffmpeg"), BENCH_FFMPEG_LOG=log)
    run([args.job, "--input", clip, "--output", out], env)
    cpu = {}
    for line in open(log):
        kind, seconds = line.split()
        cpu[kind] = cpu.get(kind, 0) + float(seconds)
    folder = glob.glob(os.path.join(out, "*"))[0]
    with open(os.path.join(folder, "manifest.json")) as f:
        return folder, json.load(f), cpu


def full_length(folder, manifest, clip, width, height, work, vmaf=None):
    """Every rendition's SSIM and PSNR over its whole length, at width x height, in one ffmpeg; VMAF with --vmaf."""
    renditions = manifest["renditions"]
    rate = renditions[0]["frameRate"]
    n = len(renditions)
    cmd = ["ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error"]
    for r in renditions:
        cmd += ["-i", os.path.join(folder, r["track"])]
    cmd += ["-i", clip]
    parts = [f"[{n}:v]fps={rate},scale={width}:{height},format=yuv420p,setsar=1,split={2 * n}"
             + "".join(f"[s{i}][p{i}]" for i in range(n))]
    for i in range(n):
        parts.append(f"[{i}:v]scale={width}:{height}:flags=bicubic,format=yuv420p,setsar=1,split=2[a{i}][b{i}]")
        parts.append(f"[a{i}][s{i}]ssim=stats_file={work}/ssim{i}.log:shortest=1")
        parts.append(f"[b{i}][p{i}]psnr=stats_file={work}/psnr{i}.log:shortest=1")
    run(cmd + ["-filter_complex", ";".join(parts), "-f", "null", "-"])
    scores = {}
    for i, r in enumerate(renditions):
        track = os.path.join(folder, r["track"])
        scores[r["name"]] = (ssim_db(f"{work}/ssim{i}.log"), psnr_db(f"{work}/psnr{i}.log"),
                             vmaf_of(vmaf, track, clip, rate, width, height, work) if vmaf else float("nan"))
    return scores


def vmaf_of(vmaf, track, clip, rate, width, height, work):
    """One rendition's mean VMAF: scaled bicubic to width x height, against the source at the same size and rate."""
    ffmpeg, model, subsample = vmaf
    log = os.path.join(work, "vmaf.json")
    run([ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-i", track, "-i", clip, "-filter_complex",
         f"[0:v]scale={width}:{height}:flags=bicubic,format=yuv420p,setsar=1[d];"
         f"[1:v]fps={rate},scale={width}:{height},format=yuv420p,setsar=1[r];[d][r]{vmaf_filter(ffmpeg, model, log, subsample)}", "-f", "null", "-"])
    return mean_vmaf(log)


def bd(fixed, per):
    """BD-rate of per-title against fixed over (kb/s, quality) points; one per-title point: the rate ratio at its quality."""
    fr, fq = [p[0] for p in fixed], [p[1] for p in fixed]
    if len(per) == 1:
        at = min(max(per[0][1], min(fq)), max(fq))
        return (math.exp(math.log(per[0][0]) - log_rate_at(fr, fq, at)) - 1) * 100
    return bd_rate(fr, fq, [p[0] for p in per], [p[1] for p in per])


def clips_of(args):
    if args.clips:
        return args.clips
    generator = os.environ.get("CONTENT_SET")
    if not generator:
        sys.exit("give clips, or set CONTENT_SET to the content set generator (content_set.sh OUT_DIR SECONDS)")
    folder = os.path.join(args.work, f"set-{args.seconds}s")
    run(["bash", generator, folder, str(args.seconds)])
    return sorted(glob.glob(os.path.join(folder, "*.mp4")))


def report_clip(name, runs, scores):
    (_, fixed, _), (_, per, cpu) = runs["fixed"], runs["per-title"]
    for mode, manifest in (("fixed", fixed), ("per-title", per)):
        for r in manifest["renditions"]:
            ssim, psnr, vmaf = scores[mode][r["name"]]
            print(f"| {name} | {mode} | {r['name']} | {r['rateControl']['crf']:g} | {r['size']} | {r['bitrate'] / 1000:.0f} | "
                  f"{ssim:.2f} | {psnr:.2f} | {vmaf:.2f} |")
    for d in per["ladder"]["dropped"]:
        print(f"| {name} | per-title | {d['name']} | {d['crf']:g} | dropped: {d['reason']} | | | | |")

    def points(metric):
        return {m: [(r["bitrate"] / 1000, scores[m][r["name"]][metric]) for r in man["renditions"]] for m, man in (("fixed", fixed), ("per-title", per))}

    def bd_of(p):
        return float("nan") if any(q != q for _, q in p["fixed"]) else bd(p["fixed"], p["per-title"])

    ssim_points, vmaf_points = points(0), points(2)
    encode = cpu.get("encode", 0)
    return {
        "clip": name,
        "bd": bd_of(ssim_points),
        "bd_vmaf": bd_of(vmaf_points),
        "best": (max(q for _, q in ssim_points["fixed"]), max(q for _, q in ssim_points["per-title"])),
        "best_vmaf": (max(q for _, q in vmaf_points["fixed"]), max(q for _, q in vmaf_points["per-title"])),
        "analysis": (cpu.get("trials", 0) + cpu.get("scoring", 0)) / encode,
        "trials": cpu.get("trials", 0) / encode,
        "measure": cpu.get("measure", 0) / encode,
        "encode": (runs["fixed"][2].get("encode", 0), encode),
        "kept": len(per["renditions"]),
    }


def cpu_shares(args, wrapper):
    """The per-title run alone: analysis (trial encodes + their scoring) and measurement as shares of the encode."""
    print("| clip | seconds | rungs made | encode CPU s | analysis / encode (trial encodes) | measurement / encode | both |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    shares = []
    for clip in clips_of(args):
        _, manifest, cpu = job(args, wrapper, clip, "per-title")
        encode = cpu.get("encode", 0)
        analysis, measure = (cpu.get("trials", 0) + cpu.get("scoring", 0)) / encode, cpu.get("measure", 0) / encode
        shares.append(analysis + measure)
        print(f"| {os.path.splitext(os.path.basename(clip))[0]} | {manifest['source']['durationSeconds']:.0f} | {len(manifest['renditions'])} | "
              f"{encode:.1f} | {analysis:.1%} ({cpu.get('trials', 0) / encode:.1%}) | {measure:.1%} | {analysis + measure:.1%} |", flush=True)
    print(f"\nlargest analysis + measurement share: {max(shares):.1%}, median {statistics.median(shares):.1%} (target <= 15%)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--job", default=os.path.join(ROOT, "artifacts", "bin", "Transcoder.TranscodeJob", "release", "TranscodeJob"))
    parser.add_argument("--work", default="/tmp/per-title-bench")
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--no-reference", action="store_true", help="CPU shares only: no full-length measurement, no BD-rate")
    parser.add_argument("--cpu-only", action="store_true", help="per-title runs only: the CPU shares of analysis and measurement")
    parser.add_argument("--vmaf", metavar="FFMPEG", help="also score VMAF with this ffmpeg (built with libvmaf)")
    parser.add_argument("--vmaf-model", default="", help="the model file, for libvmaf 1.x (vmaf_v0.6.1.pkl)")
    parser.add_argument("--vmaf-subsample", type=int, default=1, help="score every Nth frame")
    parser.add_argument("clips", nargs="*")
    args = parser.parse_args()
    if not os.path.exists(args.job):
        sys.exit(f"no job at {args.job}: dotnet build -c Release TranscodeJob (or --job PATH)")
    os.makedirs(args.work, exist_ok=True)
    wrapper = os.path.join(args.work, "ffmpeg-cpu")
    with open(wrapper, "w") as f:
        f.write(WRAPPER)
    os.chmod(wrapper, 0o755)

    if args.cpu_only:
        return cpu_shares(args, wrapper)
    vmaf = (args.vmaf, args.vmaf_model, args.vmaf_subsample) if args.vmaf else None
    print("| clip | mode | rung | CRF | bytes | kb/s | SSIM dB | PSNR | VMAF |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    results = []
    for clip in clips_of(args):
        name = os.path.splitext(os.path.basename(clip))[0]
        runs = {mode: job(args, wrapper, clip, mode) for mode in ("fixed", "per-title")}
        if args.no_reference:
            scores = {m: {r["name"]: (float("nan"),) * 3 for r in runs[m][1]["renditions"]} for m in runs}
        else:
            top = runs["fixed"][1]["renditions"][0]
            scores = {m: full_length(runs[m][0], runs[m][1], clip, top["width"], top["height"], args.work, vmaf) for m in runs}
        results.append(report_clip(name, runs, scores))

    print()
    print("| clip | BD-rate (SSIM) | BD-rate (VMAF) | best SSIM dB fixed / per-title | best VMAF fixed / per-title | rungs made | encode CPU s fixed / per-title | analysis / encode (trial encodes) | measurement / encode | both |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        print(f"| {r['clip']} | {r['bd']:+.1f}% | {r['bd_vmaf']:+.1f}% | {r['best'][0]:.2f} / {r['best'][1]:.2f} | "
              f"{r['best_vmaf'][0]:.2f} / {r['best_vmaf'][1]:.2f} | {r['kept']} | "
              f"{r['encode'][0]:.1f} / {r['encode'][1]:.1f} | {r['analysis']:.1%} ({r['trials']:.1%}) | {r['measure']:.1%} | {r['analysis'] + r['measure']:.1%} |")
    bds = [r["bd"] for r in results if r["bd"] == r["bd"]]
    vmaf_bds = [r["bd_vmaf"] for r in results if r["bd_vmaf"] == r["bd_vmaf"]]
    if vmaf_bds:
        print(f"\nmedian BD-rate over VMAF {statistics.median(vmaf_bds):+.1f}%; largest drop of the best rendition's VMAF: "
              f"{max(r['best_vmaf'][0] - r['best_vmaf'][1] for r in results):.2f}")
    worst = max((r["best"][0] - r["best"][1] for r in results if r["best"][0] >= 15.23), default=0)
    print(f"\nmedian BD-rate {statistics.median(bds) if bds else float('nan'):+.1f}% (target <= -15%); "
          f"largest drop of the best rendition where fixed reached 0.97 SSIM: {worst:.2f} dB (target <= 0.5); "
          f"largest analysis + measurement share: {max(r['analysis'] + r['measure'] for r in results):.1%} (target <= 15%)")


if __name__ == "__main__":
    main()
