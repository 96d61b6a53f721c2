#!/usr/bin/env python3
"""Quality measurement's cost and sampling error (issue 18).

For each clip: the job twice (QUALITY=off, then on) for the CPU the measurement adds, then a full-length SSIM and PSNR
of every rendition by one hand-written ffmpeg command (the same reference: the planned rate, the top rendition's size,
bicubic), against the job's sampled figures.

  python3 bench/quality_sampling.py [--job PATH] [--work DIR] [--gop SECONDS] [CLIP ...]

Without clips it generates the job bench's two (bench/Transcoder.Bench.Job/BenchClip.cs): testsrc2 with light temporal
noise, 1080p30 for 30 s at 16 Mb/s and 2160p30 for 15 s at 45 Mb/s, with a keyframe every --gop seconds (1, as a
phone writes them, unless given; the job bench's clips have x264's default, 250 frames: --gop 8.333). Content-set clips
(content_set.sh OUT_DIR) can be passed as well. CPU is user + system of every child process (getrusage), so the
other helpers on a shared machine move wall time, not these figures much.
"""
import argparse, glob, json, math, os, re, resource, shutil, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(cmd, env=None):
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    return p


def generate(folder, w, h, seconds, rate, gop):
    path = os.path.join(folder, f"noise-{w}x{h}-30fps-{seconds}s-gop{gop:g}s.mp4")
    if not os.path.exists(path):
        run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
             "-f", "lavfi", "-i", f"testsrc2=size={w}x{h}:rate=30:duration={seconds},noise=alls=8:allf=t",
             "-f", "lavfi", "-i", f"sine=frequency=440:sample_rate=48000:duration={seconds}",
             "-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-g", str(round(gop * 30)), "-b:v", rate, "-maxrate", rate,
             "-bufsize", rate, "-pix_fmt", "yuv420p", "-c:a", "aac", "-ac", "2", "-movflags", "+faststart", path])
    return path


def job(job_path, clip, out, quality):
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ, QUALITY=quality, LOG_FORMAT="text")
    before = children_cpu()
    run([job_path, "--input", clip, "--output", out], env)
    cpu = children_cpu() - before
    folder = glob.glob(os.path.join(out, "*"))[0]
    with open(os.path.join(folder, "manifest.json")) as f:
        return cpu, folder, json.load(f)


def full_length(track, clip, w, h, rate):
    graph = (f"[0:v]scale={w}:{h}:flags=bicubic,format=yuv420p,split[d1][d2];"
             f"[1:v]fps={rate},scale={w}:{h},format=yuv420p,setsar=1,split[r1][r2];"
             "[d1][r1]ssim=shortest=1;[d2][r2]psnr=shortest=1")
    err = run(["ffmpeg", "-hide_banner", "-nostdin", "-i", track, "-i", clip, "-filter_complex", graph, "-f", "null", "-"]).stderr
    ssim = float(re.search(r"SSIM Y:.* All:([0-9.]+)", err).group(1))
    psnr = re.search(r"PSNR y:.* average:([0-9.]+|inf)", err).group(1)
    return ssim, float("inf") if psnr == "inf" else float(psnr)


def db(ssim):
    return 100.0 if ssim >= 1 else -10 * math.log10(1 - ssim)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--job", default=os.path.join(ROOT, "artifacts", "bin", "Transcoder.TranscodeJob", "release", "TranscodeJob"))
    parser.add_argument("--work", default="/tmp/quality-bench")
    parser.add_argument("--gop", type=float, default=1, help="seconds between the generated clips' keyframes")
    parser.add_argument("clips", nargs="*")
    args = parser.parse_args()
    if not os.path.exists(args.job):
        sys.exit(f"no job at {args.job}: dotnet build -c Release TranscodeJob (or --job PATH)")
    os.makedirs(args.work, exist_ok=True)
    clips = args.clips or [generate(args.work, 1920, 1080, 30, "16M", args.gop), generate(args.work, 3840, 2160, 15, "45M", args.gop)]

    print("| clip | rendition | kbps | sampled frames | sampled SSIM dB | full SSIM dB | Δ dB | sampled PSNR | full PSNR |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    shares, worst = [], 0.0
    for clip in clips:
        name = os.path.splitext(os.path.basename(clip))[0]
        off_cpu, _, _ = job(args.job, clip, os.path.join(args.work, "off"), "off")
        on_cpu, folder, manifest = job(args.job, clip, os.path.join(args.work, "on"), "on")
        top = manifest["renditions"][0]
        for r in manifest["renditions"]:
            q = r["quality"]
            ssim, psnr = full_length(os.path.join(folder, r["track"]), clip, top["width"], top["height"], r["frameRate"])
            delta = q["ssimDb"] - db(ssim)
            worst = max(worst, abs(delta))
            print(f"| {name} | {r['name']} | {r['bitrate'] // 1000} | {q['sampledFrames']} | {q['ssimDb']:.2f} | {db(ssim):.2f} | "
                  f"{delta:+.2f} | {q['psnr']:.2f} | {psnr:.2f} |")
        share = (on_cpu - off_cpu) / off_cpu
        shares.append((name, off_cpu, on_cpu, share))
    print()
    print("| clip | job CPU s, quality off | job CPU s, quality on | measurement / rest of the job |")
    print("| --- | --- | --- | --- |")
    for name, off_cpu, on_cpu, share in shares:
        print(f"| {name} | {off_cpu:.1f} | {on_cpu:.1f} | {share:.1%} |")
    print(f"\nlargest |sampled - full| SSIM: {worst:.2f} dB (target 0.2); largest measurement share: {max(s[3] for s in shares):.1%} (target 10%)")


if __name__ == "__main__":
    main()
