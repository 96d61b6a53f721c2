#!/usr/bin/env bash
# Regenerates samples/sample-1080p.mp4: 4 s of 1080p30 test pattern with a 440 Hz tone, made only from ffmpeg's
# own lavfi sources (no third-party footage, no licence question). Slow preset and a high CRF keep it under 2 MB.
set -euo pipefail
cd "$(dirname "$0")"
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=1920x1080:rate=30:duration=4" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=4" \
  -map 0:v -map 1:a \
  -c:v libx264 -preset slow -crf 30 -pix_fmt yuv420p -profile:v high \
  -c:a aac -b:a 96k -ac 2 \
  -movflags +faststart -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
  sample-1080p.mp4
ls -l sample-1080p.mp4
