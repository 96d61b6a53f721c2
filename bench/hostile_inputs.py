#!/usr/bin/env python3
"""Inputs built to make unbounded work, at their original sizes, under a watch on time, memory and disk (issue 16).

The tests run each class on a small stand-in (tests/Transcoder.TranscodeJob.Tests/Support/Clips.Hostile.cs); this
runs the job executable on the originals the issue describes and prints, per input: its size, the exit code, the
wall time, the peak resident memory of the job's whole process tree (the job and every ffmpeg/ffprobe it starts,
summed, sampled from /proc every 50 ms), the CPU seconds of the job and its ffmpegs (user + system), whether anything was left in the workspace, and the one-line error.

  python3 bench/hostile_inputs.py [--job PATH] [--work DIR] [--only NAME ...]

Where an original would take hours to generate (ten minutes of 8192x8192 at 60 fps, 280,000 frames of 1080p), a
shorter cut of the same stream stands for it and the table says so: the job refuses both on the same bound, before
any frame is encoded.
"""
import argparse, glob, os, resource, shutil, signal, struct, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
H264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]


def ffmpeg(*args):
    p = subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"generating failed: ffmpeg {' '.join(args)}\n{p.stderr[-1500:]}")


def lavfi(graph):
    return ["-f", "lavfi", "-i", graph]


def flip_bits(src, dst, every=4099):
    data = bytearray(open(src, "rb").read())
    for at in range(4096, len(data), every):  # past the header, so it still opens as what it claims to be
        data[at] ^= 0x10
    open(dst, "wb").write(data)


def stsz_bomb(src, dst):
    data = bytearray(open(src, "rb").read())
    at = data.find(b"stsz")
    struct.pack_into(">I", data, at + 12, 89_000_000)
    open(dst, "wb").write(data)


def make_inputs(work):
    """(name, path, what stands for what) for every original; each is generated once and kept in WORK."""
    g = os.path.join(work, "inputs")
    os.makedirs(g, exist_ok=True)
    p = lambda name: os.path.join(g, name)
    made = []

    def add(name, note, make):
        if not os.path.exists(p(name)):
            make(p(name))
        made.append((name, p(name), note))

    add("black-8192-60fps.mp4", "10 min in the issue; 5 s here",
        lambda o: ffmpeg(*lavfi("color=black:size=8192x8192:rate=60:duration=5"), *H264, o))
    add("bitflipped-8192.mp4", "the 8192x8192 file with a bit flipped every 4 KB",
        lambda o: flip_bits(p("black-8192-60fps.mp4"), o))
    add("pq-444-10bit-8192.mkv", "one minute in the issue; 1 s here",
        lambda o: ffmpeg(*lavfi("color=gray:size=8192x8192:rate=25:duration=1"), "-c:v", "libx265", "-preset", "ultrafast",
                         "-pix_fmt", "yuv444p10le", "-color_trc", "smpte2084", "-color_primaries", "bt2020", "-colorspace", "bt2020nc", o))
    add("grows-640-to-8192.ts", "probes as 640x360 for 2 s, then 8192x8192",
        lambda o: (ffmpeg(*lavfi("testsrc2=size=640x360:rate=25:duration=2"), *H264, "-f", "mpegts", o + ".a"),
                   ffmpeg(*lavfi("color=black:size=8192x8192:rate=25:duration=1"), *H264, "-output_ts_offset", "2", "-f", "mpegts", o + ".b"),
                   open(o, "wb").write(open(o + ".a", "rb").read() + open(o + ".b", "rb").read()),
                   os.remove(o + ".a"), os.remove(o + ".b")))
    add("1080p-1000fps.mp4", "280,000 frames (280 s) in the issue; 10,000 frames here",
        lambda o: ffmpeg(*lavfi("testsrc2=size=1920x1080:rate=1000:duration=10"), *H264, o))
    add("280000-frames-in-2s.mp4", "as in the issue",
        lambda o: ffmpeg(*lavfi("testsrc2=size=64x64:rate=140000:duration=2"), *H264, "-video_track_timescale", "1000000", o))
    add("frame-every-299s-60fps.mkv", "as in the issue: 47 frames over 3.9 h, no sound",
        lambda o: ffmpeg(*lavfi("testsrc2=size=320x180:rate=1:duration=47,setpts=N*299/TB"), *H264, "-fps_mode", "passthrough", "-r", "60", o))
    add("two-frames-3h-apart-with-sound.mkv", "as in the issue",
        lambda o: ffmpeg(*lavfi("testsrc2=size=1280x720:rate=25:duration=0.08,setpts=N*10800/TB"),
                         *lavfi("sine=frequency=300:sample_rate=8000:duration=10801"),
                         "-map", "0:v", "-map", "1:a", *H264, "-fps_mode", "passthrough", "-c:a", "aac", "-b:a", "8k", "-ac", "1", o))
    add("one-frame-then-3.9h-silence.mkv", "as in the issue",
        lambda o: ffmpeg(*lavfi("testsrc2=size=1280x720:rate=25:duration=0.04"),
                         *lavfi("anullsrc=sample_rate=8000:channel_layout=mono:duration=14040"),
                         "-map", "0:v", "-map", "1:a", *H264, "-c:a", "aac", "-b:a", "8k", o))
    add("still-held-3.9h-no-sound.mkv", "one frame whose block lasts 14,000 s",
        lambda o: (ffmpeg(*lavfi("testsrc2=size=1280x720:rate=25:duration=0.04"), *H264, o + ".mp4"),
                   ffmpeg("-i", o + ".mp4", "-c", "copy", "-bsf:v", "setts=duration=14000/TB", o), os.remove(o + ".mp4")))
    add("200-tracks-4k.mp4", "as in the issue: 200 tracks of one 4K frame",
        lambda o: (ffmpeg(*lavfi("color=black:size=3840x2160:rate=1:duration=1"), *H264, o + ".one.mp4"),
                   ffmpeg(*sum((["-i", o + ".one.mp4"] for _ in range(200)), []), *sum((["-map", f"{i}:v"] for i in range(200)), []), "-c", "copy", "-f", "mp4", o),
                   os.remove(o + ".one.mp4")))
    add("stsz-89-million.mp4", "as in the issue",
        lambda o: (ffmpeg(*lavfi("color=black:size=64x64:rate=1:duration=1"), *H264, o + ".tiny.mp4"), stsz_bomb(o + ".tiny.mp4", o), os.remove(o + ".tiny.mp4")))
    add("mjpeg-32768x16.avi", "as in the issue",
        lambda o: ffmpeg(*lavfi("testsrc2=size=32768x16:rate=5:duration=2"), "-c:v", "mjpeg", "-q:v", "5", o))
    add("pixel-aspect-100.mp4", "as in the issue",
        lambda o: ffmpeg(*lavfi("testsrc2=size=320x180:rate=25:duration=2"), "-vf", "setsar=100/1", *H264, o))
    return made


def children_cpu():
    """User + system seconds of every child process waited for so far (the job and the ffmpegs it waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def tree_rss_kib(root_pid):
    """Resident memory of a process and all its descendants, in KiB."""
    parents, rss = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm") as f:
                pages = int(f.read().split()[1])
        except (OSError, IndexError):
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = pages * os.sysconf("SC_PAGE_SIZE") // 1024
    tree, frontier = {root_pid}, [root_pid]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return sum(rss.get(pid, 0) for pid in tree)


def watch(job, clip, work, limit_s):
    out, ws = os.path.join(work, "out"), os.path.join(work, "ws")
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(ws, ignore_errors=True)
    os.makedirs(ws)
    env = dict(os.environ, LOG_FORMAT="text", WORK_DIR=ws)
    started, cpu_before = time.monotonic(), children_cpu()
    proc = subprocess.Popen([job, "--input", clip, "--output", out], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak, stopped = 0, None
    while proc.poll() is None:
        peak = max(peak, tree_rss_kib(proc.pid))
        # Past the limit, stop it as ECS stops a task: SIGTERM once, SIGKILL 30 s later.
        if stopped is None and time.monotonic() - started > limit_s:
            proc.send_signal(signal.SIGTERM)
            stopped = time.monotonic()
        elif stopped is not None and time.monotonic() - stopped > 30:
            proc.kill()
        time.sleep(0.05)
    wall, cpu = time.monotonic() - started, children_cpu() - cpu_before
    error = [line for line in proc.stderr.read().splitlines() if line.startswith("error:")]
    left = [e for e in glob.glob(os.path.join(ws, "**"), recursive=True) if e != ws + "/"]
    return proc.returncode, wall, cpu, peak, left, error[-1] if error else ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--job", default=os.path.join(ROOT, "artifacts", "bin", "Transcoder.TranscodeJob", "release", "TranscodeJob"))
    parser.add_argument("--work", default="/tmp/hostile-bench")
    parser.add_argument("--limit", type=float, default=600, help="seconds before the watch stops a run with SIGTERM")
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args()
    if not os.path.exists(args.job):
        sys.exit(f"no job at {args.job}: dotnet build -c Release TranscodeJob (or --job PATH)")
    os.makedirs(args.work, exist_ok=True)
    print("| input | size | stands for | exit | wall s | CPU s | peak memory MiB | left in workspace | error (first 120 characters) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, path, note in make_inputs(args.work):
        if args.only and name not in args.only:
            continue
        code, wall, cpu, peak, left, error = watch(args.job, path, args.work, args.limit)
        size = os.path.getsize(path)
        print(f"| {name} | {size / 1024:.0f} KiB | {note} | {code} | {wall:.1f} | {cpu:.1f} | {peak / 1024:.0f} | {len(left)} | {error[7:127]} |", flush=True)


if __name__ == "__main__":
    main()
