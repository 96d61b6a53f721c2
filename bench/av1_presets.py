#!/usr/bin/env python3
"""Which SVT-AV1 preset, and which rungs, earn AV1 renditions beside the H.264 ladder (issue 20).

Targets: the AV1 rungs' BD-rate against the H.264 rungs <= -20% over the range where AV1 is offered (SSIM-based,
median over the content set), and the whole job with both codecs <= 3x the CPU of H.264 alone.

  python3 bench/av1_presets.py curves WORK_DIR [--seconds 2] [--presets 8,10,12] CLIP...
  python3 bench/av1_presets.py job    WORK_DIR --job PATH [--seconds 2] CLIP...

curves: for each clip and each rung of the default ladder (1080p, 720p, 480p, 360p) the clip's first SECONDS s are
scaled to the rung once (a raw y4m, the job's bicubic scale), then encoded with x264 as the job encodes H.264
(veryfast, High, GOP 2 s) over four CRFs and with SVT-AV1 as the job encodes AV1 at each preset over four CRFs; each
encode prints kbps, SSIM dB against the scaled reference (ffmpeg's ssim, All), user+sys CPU seconds and wall seconds,
into WORK_DIR/curves.csv. Also the CPU of the job's shared part (one decode, the split to the four rungs' scales).
bd_rate.py reads the CSV.

job: the real job on each clip, CODECS=h264 and then CODECS=h264,av1 (ladder as shipped, quality on): CPU (user+sys of
every child process) and wall, and the AV1 renditions' kbps and SSIM beside the H.264 ones from manifest.json.

The clips: the content set (eight generated 1080p30 clips from nearly static to very hard; its generator takes
OUT_DIR and SECONDS). Short slices keep a run to minutes on 2 cores; CPU seconds are what a shared machine leaves
nearly untouched, wall time is not.
"""
import argparse, csv, glob, json, os, re, resource, shutil, subprocess, sys, time

RUNGS = [("1080p", 1080), ("720p", 720), ("480p", 480), ("360p", 360)]
X264_CRFS = [19, 23, 27, 31]
AV1_CRFS = [26, 32, 38, 44]
GOP = 60  # 2 s at 30 fps, as the job


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(cmd, env=None):
    before, t0 = children_cpu(), time.monotonic()
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    return p, children_cpu() - before, time.monotonic() - t0


def encoder_args(codec, preset, crf):
    if codec == "h264":
        return ["-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-crf", str(crf)]
    return ["-c:v", "libsvtav1", "-preset", str(preset), "-crf", str(crf), "-svtav1-params", "enable-force-key-frames=1"]


def ssim_db(encoded, reference):
    err = run(["ffmpeg", "-hide_banner", "-nostdin", "-i", encoded, "-i", reference,
               "-lavfi", "[0:v][1:v]ssim", "-f", "null", "-"])[0].stderr
    value = re.search(r"All:[0-9.]+ \(([0-9.]+|inf)\)", err).group(1)
    return 100.0 if value == "inf" else float(value)


def curves(args):
    os.makedirs(args.work, exist_ok=True)
    out = os.path.join(args.work, "curves.csv")
    presets = [int(p) for p in args.presets.split(",")]
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["clip", "rung", "codec", "preset", "crf", "kbps", "ssim_db", "cpu_s", "wall_s"])
        for clip in args.clips:
            name = os.path.splitext(os.path.basename(clip))[0]
            # The shared part of the job's encode: one decode, the split and every rung's scale.
            graph = "[0:v]split=4" + "".join(f"[s{i}]" for i in range(4)) + ";" + ";".join(
                f"[s{i}]scale=-2:{h},format=yuv420p,setsar=1[v{i}]" for i, (_, h) in enumerate(RUNGS))
            maps = [a for i in range(4) for a in ("-map", f"[v{i}]", "-f", "null", "-")]
            _, cpu, wall = run(["ffmpeg", "-hide_banner", "-nostdin", "-t", str(args.seconds), "-i", clip,
                                "-filter_complex", graph] + maps)
            w.writerow([name, "all", "decode", "", "", "", "", f"{cpu:.2f}", f"{wall:.2f}"])
            print(f"{name:10s} decode+scale        cpu {cpu:6.2f} s", flush=True)
            for rung, height in RUNGS:
                ref = os.path.join(args.work, f"{name}-{rung}.y4m")
                run(["ffmpeg", "-hide_banner", "-nostdin", "-y", "-t", str(args.seconds), "-i", clip, "-an",
                     "-vf", f"scale=-2:{height},format=yuv420p,setsar=1", "-f", "yuv4mpegpipe", ref])
                work = [("h264", "veryfast", c) for c in X264_CRFS] + [("av1", p, c) for p in presets for c in AV1_CRFS]
                for codec, preset, crf in work:
                    enc = os.path.join(args.work, f"{name}-{rung}-{codec}-{preset}-{crf}.mp4")
                    _, cpu, wall = run(["ffmpeg", "-hide_banner", "-nostdin", "-y", "-i", ref]
                                       + encoder_args(codec, preset, crf)
                                       + ["-g", str(GOP), "-pix_fmt", "yuv420p", "-an", enc])
                    kbps = os.path.getsize(enc) * 8 / 1000 / args.seconds
                    q = ssim_db(enc, ref)
                    os.remove(enc)
                    w.writerow([name, rung, codec, preset, crf, f"{kbps:.1f}", f"{q:.3f}", f"{cpu:.2f}", f"{wall:.2f}"])
                    f.flush()
                    print(f"{name:10s} {rung:5s} {codec:4s} {preset!s:8s} crf {crf:2d}  {kbps:8.1f} kbps  "
                          f"SSIM {q:6.3f} dB  cpu {cpu:6.2f} s  wall {wall:6.2f} s", flush=True)
                os.remove(ref)
    print(f"wrote {out}")


def job(args):
    rows = []
    for clip in args.clips:
        name = os.path.splitext(os.path.basename(clip))[0]
        short = os.path.join(args.work, f"{name}-{args.seconds}s.mp4")
        if not os.path.exists(short):
            run(["ffmpeg", "-hide_banner", "-nostdin", "-y", "-t", str(args.seconds), "-i", clip, "-c", "copy", short])
        figures = {}
        for codecs in ("h264", "h264,av1"):
            out = os.path.join(args.work, f"job-{name}-{codecs.replace(',', '+')}")
            shutil.rmtree(out, ignore_errors=True)
            env = dict(os.environ, CODECS=codecs, LOG_FORMAT="text")
            _, cpu, wall = run([args.job, "--input", short, "--output", out], env)
            with open(glob.glob(os.path.join(out, "*", "manifest.json"))[0]) as f:
                manifest = json.load(f)
            figures[codecs] = (cpu, wall, manifest)
            shutil.rmtree(out, ignore_errors=True)
        (h_cpu, h_wall, _), (b_cpu, b_wall, both) = figures["h264"], figures["h264,av1"]
        print(f"{name:10s} job CPU h264 {h_cpu:6.1f} s, h264+av1 {b_cpu:6.1f} s: {b_cpu / h_cpu:4.2f}x; "
              f"wall {h_wall:5.1f} s -> {b_wall:5.1f} s", flush=True)
        for r in both["renditions"]:
            q = r.get("quality") or {}
            print(f"    {r['name']:10s} {r.get('codec', 'h264'):4s} {r['bitrate'] / 1000:8.1f} kbps  SSIM {q.get('ssimDb', float('nan')):6.2f} dB")
        rows.append((name, h_cpu, b_cpu, h_wall, b_wall))
    ratios = sorted(b / h for _, h, b, _, _ in rows)
    median = ratios[len(ratios) // 2] if len(ratios) % 2 else (ratios[len(ratios) // 2 - 1] + ratios[len(ratios) // 2]) / 2
    total = sum(b for _, _, b, _, _ in rows) / sum(h for _, h, _, _, _ in rows)
    print(f"job CPU h264+av1 / h264: median {median:.2f}x, over the set {total:.2f}x (target <= 3x)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("part", choices=["curves", "job"])
    parser.add_argument("work")
    parser.add_argument("clips", nargs="+")
    parser.add_argument("--seconds", type=float, default=2)
    parser.add_argument("--presets", default="8,10,12")
    parser.add_argument("--job", help="the TranscodeJob executable (artifacts/bin/TranscodeJob/release/TranscodeJob)")
    args = parser.parse_args()
    if args.part == "job" and not args.job:
        parser.error("job needs --job PATH")
    (curves if args.part == "curves" else job)(args)


if __name__ == "__main__":
    main()
