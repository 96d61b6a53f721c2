#!/usr/bin/env python3
"""How far the quality measurement's sampled SSIM is from the whole title's, and what the windows' shape does to it.

  python3 bench/window_sampling.py [--job PATH] [--work DIR] [--draws N] CLIP ...

For each clip: the job once (its default ladder, quality measurement on), then every rendition's per-frame SSIM over
its whole length against the source as the job measures it (the planned rate and the top rendition's size for the
source, bicubic for the rendition; one hand-written ffmpeg per rendition). It prints, per rendition:

- the full-length SSIM dB and the job's sampled figure's error (the mean over the frames of the manifest's windows);
- for the same number of frames cut into more, shorter windows (3 of 18 frames, 6 of 9, ... 54 of 1 on 30 s), the
  error's root mean square and 95th percentile over --draws random placements, one window in each equal share of the
  source (stratified), as the job spreads them.

The job's own windows cost a seek and a pre-roll each, so the shapes are what the same frames would measure, not what
they would cost. The per-frame figures are kept in WORK for another look.
"""
import argparse, glob, json, math, os, random, re, shutil, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, env=None):
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")


def ssim_db(mean):
    return 100.0 if mean >= 1 else -10 * math.log10(1 - mean)


def per_frame_ssim(clip, folder, rendition, rate, width, height, log):
    if not os.path.exists(log):
        run(["ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-i", os.path.join(folder, rendition["track"]), "-i", clip,
             "-filter_complex",
             f"[0:v]scale={width}:{height}:flags=bicubic,format=yuv420p,setsar=1[a];"
             f"[1:v]fps={rate},scale={width}:{height},format=yuv420p,setsar=1[b];"
             f"[a][b]ssim=stats_file={log}:shortest=1",
             "-f", "null", "-"])
    return [float(m) for m in re.findall(r"All:([0-9.]+)", open(log).read())]


def shapes(frames):
    """(windows, frames each) with the same total as the job's, from its count up to single frames."""
    total = frames
    out = []
    for count in sorted({n for n in range(1, total + 1) if total % n == 0}):
        out.append((count, total // count))
    return out


def draw(values, count, length, draws, rng):
    errors = []
    share = len(values) / count
    full = ssim_db(sum(values) / len(values))
    for _ in range(draws):
        picked = []
        for i in range(count):
            start = int(i * share + rng.random() * max(0, share - length))
            picked.extend(values[start:start + length])
        errors.append(ssim_db(sum(picked) / len(picked)) - full)
    errors.sort(key=abs)
    return math.sqrt(sum(e * e for e in errors) / len(errors)), abs(errors[int(0.95 * (len(errors) - 1))])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--job", default=os.path.join(ROOT, "artifacts", "bin", "Transcoder.TranscodeJob", "release", "TranscodeJob"))
    parser.add_argument("--work", default="/tmp/window-sampling-bench")
    parser.add_argument("--draws", type=int, default=400)
    parser.add_argument("clips", nargs="+")
    args = parser.parse_args()
    rng = random.Random(1)
    print("| clip | rendition | full SSIM dB | job's windows − full | same frames, windows × frames: rms / p95 error dB |")
    print("| --- | --- | --- | --- | --- |")
    for clip in args.clips:
        name = os.path.splitext(os.path.basename(clip))[0]
        out = os.path.join(args.work, name)
        shutil.rmtree(out, ignore_errors=True)
        run([args.job, "--input", clip, "--output", out], dict(os.environ, QUALITY="on", LOG_FORMAT="text"))
        folder = glob.glob(os.path.join(out, "*"))[0]
        manifest = json.load(open(os.path.join(folder, "manifest.json")))
        for r in manifest["renditions"]:
            quality = r.get("quality")
            if not quality:
                continue
            num, _, den = r["frameRate"].partition("/")
            rate = float(num) / float(den or 1)
            log = os.path.join(args.work, f"{name}-{r['name']}.ssim.log")
            values = per_frame_ssim(clip, folder, r, r["frameRate"], quality["referenceWidth"], quality["referenceHeight"], log)
            full = ssim_db(sum(values) / len(values))
            picked = [values[i] for w in quality["windows"]
                      for i in range(round(w["startSeconds"] * rate), min(len(values), round((w["startSeconds"] + w["seconds"]) * rate)))]
            job_error = ssim_db(sum(picked) / len(picked)) - full
            count = len(quality["windows"])
            length = max(1, len(picked) // count)
            cells = [f"{n}×{k}: {rms:.2f} / {p95:.2f}" for n, k in shapes(count * length) if n >= count
                     for rms, p95 in [draw(values, n, k, args.draws, rng)]]
            print(f"| {name} | {r['name']} | {full:.2f} | {job_error:+.2f} | {'; '.join(cells)} |", flush=True)


if __name__ == "__main__":
    main()
