#!/bin/bash
# Which SVT-AV1 preset, if any, earns AV1 rungs beside the H.264 ones (issue 20's targets: BD-rate <= -20% by SSIM,
# median over the content set; the whole job with both codecs <= 3x the CPU of H.264 alone).
#   bench/av1_presets.sh WORK_DIR [SECONDS] [HEIGHT] [PRESETS]
# For each content-set clip (first SECONDS s, scaled to HEIGHT) it encodes x264 veryfast (the job's H.264 settings) and
# SVT-AV1 at each preset over four CRFs, and prints per rung: kbps, SSIM dB (ffmpeg's ssim filter against the scaled
# source), user+sys CPU seconds and wall seconds; then per preset the BD-rate (Bjontegaard, log-rate cubic fit over
# the overlapping SSIM range) against x264 and the CPU ratio AV1/x264, and their medians over the set.
# Short, low-resolution slices keep it to minutes on 2 cores; the figures are for choosing, not for publishing as
# 1080p truth.
set -eu
WORK=${1:?usage: av1_presets.sh WORK_DIR [SECONDS] [HEIGHT] [PRESETS]}; S=${2:-2}; H=${3:-360}; PRESETS=${4:-"10 8"}
here=$(cd "$(dirname "$0")" && pwd)
content=${CONTENT_SET:?set CONTENT_SET to the content set generator (content_set.sh OUT_DIR SECONDS)}
mkdir -p "$WORK/set" "$WORK/enc"
bash "$content" "$WORK/set" "$S"
results="$WORK/results.csv"; echo "clip,codec,preset,crf,kbps,ssim_db,cpu_s,wall_s" > "$results"
encode() { # clip codec preset crf args...
  local clip=$1 codec=$2 preset=$3 crf=$4; shift 4
  local out="$WORK/enc/$(basename "$clip" .mp4)-$codec-$preset-$crf.mp4" t0 t1 cpu
  t0=$(date +%s.%N)
  cpu=$( { /usr/bin/time -f "%U %S" ffmpeg -v error -y -i "$clip" -t "$S" -an -vf "scale=-2:$H" "$@" "$out"; } 2>&1 | tail -1 | awk '{print $1+$2}')
  t1=$(date +%s.%N)
  local kbps ssim
  kbps=$(ffprobe -v error -show_entries format=bit_rate -of csv=p=0 "$out" | awk '{printf "%.1f", $1/1000}')
  ssim=$(ffmpeg -v info -i "$out" -i "$clip" -t "$S" -lavfi "[1:v]scale=-2:$H[ref];[0:v][ref]ssim" -f null - 2>&1 | sed -n 's/.*All:[0-9.]* (\([0-9.inf]*\)).*/\1/p' | tail -1)
  echo "$(basename "$clip" .mp4),$codec,$preset,$crf,$kbps,$ssim,$cpu,$(echo "$t1 - $t0" | bc)" | tee -a "$results"
}
for clip in "$WORK"/set/*.mp4; do
  for crf in 20 24 28 32; do encode "$clip" h264 veryfast "$crf" -c:v libx264 -preset veryfast -crf "$crf" -g 60 -pix_fmt yuv420p; done
  for preset in $PRESETS; do
    for crf in 28 34 40 46; do encode "$clip" av1 "$preset" "$crf" -c:v libsvtav1 -preset "$preset" -crf "$crf" -g 60 -pix_fmt yuv420p; done
  done
done
python3 "$here/bd_rate.py" "$results"
