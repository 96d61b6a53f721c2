#!/bin/bash
# The CPU that every audio track and its loudness measurement add to a job (issue 19, parts 3 and 5), in CPU seconds
# (user + sys of the job and every ffmpeg/ffprobe it runs), on a 1080p30 clip (content_set.sh's "talking" picture)
# with four audio tracks: English stereo (default), French stereo, German 5.1, English audio description (mono).
#   1. the job on the clip with its first audio track only, and with all four (QUALITY=off, default ladder);
#   2. the job on the four-track clip normalising every track to -16 LUFS (a ladder file);
#   3. the four tracks' audio encode as the job writes it, without and with the loudness measurement chain, with the
#      normalisation's loudnorm too, and the normalisation's pre-pass over the four tracks (ffmpeg alone: each
#      part's own share, which the job-level figures, noisier on a shared machine, contain).
# Build first: dotnet build -c Release TranscodeJob
#   audio_tracks_cost.sh [SECONDS] [WORK_DIR] [RUNS]     (JOBS=0: the ffmpeg parts only)
set -eu
S=${1:-20}; W=${2:-$(mktemp -d)}; RUNS=${3:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JOB="$ROOT/artifacts/bin/Transcoder.TranscodeJob/release/TranscodeJob.dll"
[ -f "$JOB" ] || { echo "build first: dotnet build -c Release TranscodeJob" >&2; exit 2; }
mkdir -p "$W"; FOUR="$W/four-$S.mkv"; ONE="$W/one-$S.mkv"
tone() { echo "-f lavfi -i sine=frequency=$1:sample_rate=48000:duration=$S"; }
# shellcheck disable=SC2046
[ -s "$FOUR" ] || ffmpeg -v error -y -f lavfi -i "color=c=0x807060:s=1920x1080:r=30:d=$S,drawbox=x='860+120*sin(t*2)':y='380+40*cos(t*3)':w=200:h=320:color=0xd0a080:t=fill,noise=alls=1:allf=t" \
  $(tone 440) $(tone 330) $(tone 550) $(tone 660) -map 0:v -map 1:a -map 2:a -map 3:a -map 4:a \
  -c:v libx264 -preset veryfast -crf 18 -pix_fmt yuv420p -c:a aac -b:a 192k -ac:a:0 2 -ac:a:1 2 -ac:a:2 6 -ac:a:3 1 \
  -metadata:s:a:0 language=eng -metadata:s:a:1 language=fre -metadata:s:a:2 language=ger -metadata:s:a:3 language=eng \
  -disposition:a:0 default -disposition:a:1 0 -disposition:a:2 0 -disposition:a:3 visual_impaired "$FOUR"
[ -s "$ONE" ] || ffmpeg -v error -y -i "$FOUR" -map 0:v -map 0:a:0 -c copy "$ONE"
LADDER="$W/ladder-16.json"
cat > "$LADDER" <<'JSON'
{ "loudness": "-16", "renditions": [
  { "name": "1080p", "height": 1080, "videoKbps": 6000, "audioKbps": 128 }, { "name": "720p", "height": 720, "videoKbps": 3000, "audioKbps": 128 },
  { "name": "480p", "height": 480, "videoKbps": 1500, "audioKbps": 96 }, { "name": "360p", "height": 360, "videoKbps": 800, "audioKbps": 96 } ] }
JSON
least() { local label=$1; shift; local best=
  for _ in $(seq "$RUNS"); do  # the least of the runs: other work on the machine only ever adds time
    rm -rf "$W/out"  # the job would find its manifest and be "Already done"
    /usr/bin/time -o "$W/time.txt" -f "%U %S" "$@" >/dev/null 2>"$W/last.err" || { echo "$label failed:" >&2; tail -3 "$W/last.err" >&2; exit 1; }
    local t; t=$(awk '{print $1+$2}' "$W/time.txt")
    best=$(awk -v a="${best:-1e9}" -v b="$t" 'BEGIN{print (b<a)?b:a}')
  done
  printf '%-52s %7.2f CPU s\n' "$label" "$best"; }
JOB_RUN=(env QUALITY=off LOG_FORMAT=text dotnet "$JOB" --output "$W/out")
if [ "${JOBS:-1}" != 0 ]; then
  least "job, 1 audio track"                       "${JOB_RUN[@]}" --input "$ONE"
  least "job, 4 audio tracks"                      "${JOB_RUN[@]}" --input "$FOUR"
  least "job, 4 audio tracks normalised to -16"    "${JOB_RUN[@]}" --input "$FOUR" --ladder "$LADDER"
fi
OUT=(); PRE=(); MEASURED=(); NORMALISED=()
# What the job's loudnorm gets for these tones (their pre-pass readings, about -22 LUFS and -21 dBTP).
LOUDNORM="loudnorm=I=-16:TP=-1:LRA=1:measured_I=-21.8:measured_LRA=0.1:measured_TP=-20.8:measured_thresh=-31.8:linear=true:print_format=none"
for i in 0 1 2 3; do
  ch=$([ "$i" = 3 ] && echo 1 || echo 2); layout=$([ "$ch" = 1 ] && echo mono || echo stereo)
  chain="aformat=channel_layouts=$layout,ebur128=peak=true:metadata=1,ametadata=mode=print:file=$W/loudness-$i.txt"
  track=(-map "0:a:$i" -vn -c:a aac -b:a 128k -ac "$ch" -ar 48000)
  cmaf=(-frag_duration 2000000 -f mp4 -movflags +cmaf+empty_moov+default_base_moof+skip_trailer "$W/audio-$i.cmfa")
  OUT+=("${track[@]}" -af "aformat=channel_layouts=$layout" "${cmaf[@]}")
  MEASURED+=("${track[@]}" -af "$chain" "${cmaf[@]}")
  NORMALISED+=("${track[@]}" -af "aformat=channel_layouts=$layout,$LOUDNORM,aresample=48000,${chain}" "${cmaf[@]}")
  PRE+=(-map "0:a:$i" "-filter:a:$i" "$chain")
done
least "4 audio encodes (ffmpeg alone)"           ffmpeg -hide_banner -nostdin -v error -y -i "$FOUR" "${OUT[@]}"
least "4 audio encodes + loudness measurement"   ffmpeg -hide_banner -nostdin -v error -y -i "$FOUR" "${MEASURED[@]}"
least "4 audio encodes + normalisation + measurement"  ffmpeg -hide_banner -nostdin -v error -y -i "$FOUR" "${NORMALISED[@]}"
least "normalisation pre-pass, 4 tracks"         ffmpeg -hide_banner -nostdin -v error -y -i "$FOUR" "${PRE[@]}" -vn -f null -
