#!/usr/bin/env bash
# Re-pins the base images of the Dockerfiles to the digests their tags point at now (see docs/containers.md,
# "Base images pinned by digest").
#
#   deploy/update-base-images.sh                 # rewrite the pins in Dockerfile.job and Dockerfile.dispatcher
#   deploy/update-base-images.sh --check         # change nothing; exit 1 if a pin is not its tag's current digest
#   deploy/update-base-images.sh [--check] FILE...
#
# A pin is a global build argument whose default is an image reference with a tag and a digest:
#   ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0-noble@sha256:<64 hex digits>
# The tag says what to follow, the digest is what gets built; Docker uses the digest and ignores the tag. Only
# the digest changes here: moving to another tag (10.0 -> 11.0) is an edit by hand, followed by this script.
#
# Needs network access to the registry and one of: crane (go-containerregistry) or docker with buildx. Both
# report the digest of what the tag names, for the .NET images the multi-platform index, so that the pin
# works on any build platform (--platform linux/amd64 picks the amd64 image from it).
set -euo pipefail
cd "$(dirname "$0")/.."

check=false
if [ "${1:-}" = "--check" ]; then
  check=true
  shift
fi
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(Dockerfile.job Dockerfile.dispatcher)
fi

resolve() {
  local digest
  if command -v crane >/dev/null 2>&1; then
    digest=$(crane digest "$1")
  elif docker buildx version >/dev/null 2>&1; then
    digest=$(docker buildx imagetools inspect --format '{{.Manifest.Digest}}' "$1")
  else
    echo "update-base-images: neither crane nor docker buildx is installed" >&2
    return 2
  fi
  # Never write what was not a digest (an error page, a warning line) into a Dockerfile.
  if ! [[ "$digest" =~ ^sha256:[0-9a-f]{64}$ ]]; then
    echo "update-base-images: '$1' resolved to '$digest', not a sha256 digest" >&2
    return 2
  fi
  echo "$digest"
}

pin='^ARG ([A-Z0-9_]+_IMAGE)=([^@[:space:]]+:[^@[:space:]/]+)(@sha256:[0-9a-f]{64})?$'
stale=0
for file in "${files[@]}"; do
  output=$(mktemp)
  found=0
  while IFS= read -r line || [ -n "$line" ]; do
    if [[ "$line" =~ $pin ]]; then
      found=$((found + 1))
      name=${BASH_REMATCH[1]}
      reference=${BASH_REMATCH[2]}
      current=${BASH_REMATCH[3]#@}
      latest=$(resolve "$reference") || { rm -f "$output"; exit 2; }
      if [ "$current" != "$latest" ]; then
        stale=$((stale + 1))
        echo "$file: $name $reference ${current:-(no digest)} -> $latest"
      fi
      line="ARG $name=$reference@$latest"
    fi
    printf '%s\n' "$line" >>"$output"
  done <"$file"

  if [ "$found" -eq 0 ]; then
    rm -f "$output"
    echo "update-base-images: $file has no 'ARG *_IMAGE=image:tag@sha256:...' line" >&2
    exit 2
  fi
  if $check; then
    rm -f "$output"
  else
    # Keep the file's mode and owner: overwrite its content instead of moving the temporary file over it.
    cat "$output" >"$file"
    rm -f "$output"
  fi
done

if $check && [ "$stale" -gt 0 ]; then
  echo "update-base-images: $stale pin(s) behind their tags; run deploy/update-base-images.sh" >&2
  exit 1
fi
echo "update-base-images: $stale pin(s) $($check && echo "behind" || echo "updated")"
