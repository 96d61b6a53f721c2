// The local player: hls.js on the job's master playlist, a quality selector, subtitles, storyboard seek previews.
// window.playerState is read by the browser test (tests/Transcoder.Pipeline.Tests/Playback).
"use strict";

const params = new URLSearchParams(location.search);
const src = params.get("src");
const video = document.getElementById("video");
const quality = document.getElementById("quality");
const subtitles = document.getElementById("subtitles");
const seek = document.getElementById("seek");
const preview = document.getElementById("preview");
const status = document.getElementById("status");

const state = (window.playerState = {
  levels: [],
  errors: [],
  ended: false,
  currentLevel: -1,
  levelSwitches: [],
  storyboard: [],
  engine: null,
});

function fail(message) {
  state.errors.push(message);
  status.textContent = "error: " + message;
}

video.addEventListener("error", () => fail("video: " + (video.error ? video.error.code + " " + video.error.message : "unknown")));
video.addEventListener("ended", () => { state.ended = true; status.textContent = "ended"; });
video.addEventListener("timeupdate", () => {
  if (video.duration > 0) seek.value = String(Math.round((video.currentTime / video.duration) * 1000));
});
seek.addEventListener("input", () => {
  if (video.duration > 0) video.currentTime = (Number(seek.value) / 1000) * video.duration;
});

if (!src) {
  fail("no ?src= given: open /player/?src=/media/<folder>/master.m3u8");
} else if (window.Hls && Hls.isSupported()) {
  state.engine = "hls.js " + Hls.version;
  const hls = (window.hls = new Hls());
  hls.on(Hls.Events.MANIFEST_PARSED, (_, data) => {
    state.levels = data.levels.map((l) => ({ width: l.width, height: l.height, bitrate: l.bitrate }));
    data.levels.forEach((level, index) => {
      const option = document.createElement("option");
      option.value = String(index);
      option.textContent = `${level.height}p (${Math.round(level.bitrate / 1000)} kb/s)`;
      quality.appendChild(option);
    });
  });
  hls.on(Hls.Events.LEVEL_SWITCHED, (_, data) => {
    state.currentLevel = data.level;
    state.levelSwitches.push(data.level);
    status.textContent = `playing ${hls.levels[data.level].height}p`;
  });
  hls.on(Hls.Events.ERROR, (_, data) => fail(`${data.type}: ${data.details}${data.fatal ? " (fatal)" : ""}`));
  quality.addEventListener("change", () => { hls.currentLevel = Number(quality.value); });
  offerSubtitles(hls, subtitles, state);
  hls.loadSource(src);
  hls.attachMedia(video);
} else if (video.canPlayType("application/vnd.apple.mpegurl")) {
  // Safari plays HLS itself.
  state.engine = "native";
  video.src = src;
} else {
  fail("this browser plays neither HLS nor Media Source Extensions");
}

// Storyboard previews: optional; a missing storyboard only means no previews.
const storyboardUrl = params.get("storyboard") ?? (src ? new URL("storyboard.vtt", new URL(src, location.href)).href : null);
if (storyboardUrl) {
  fetch(storyboardUrl)
    .then((response) => (response.ok ? response.text() : ""))
    .then((text) => { state.storyboard = text ? parseStoryboard(text, storyboardUrl) : []; })
    .catch(() => { state.storyboard = []; });
}

function showPreview(event) {
  if (state.storyboard.length === 0 || !(video.duration > 0)) return;
  const box = seek.getBoundingClientRect();
  const fraction = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
  const cue = cueAt(state.storyboard, fraction * video.duration);
  if (!cue) return;
  preview.hidden = false;
  preview.style.width = cue.w + "px";
  preview.style.height = cue.h + "px";
  preview.style.backgroundImage = `url("${cue.url}")`;
  preview.style.backgroundPosition = `-${cue.x}px -${cue.y}px`;
  preview.style.left = Math.min(box.width - cue.w, Math.max(0, fraction * box.width - cue.w / 2)) + "px";
}

seek.addEventListener("mousemove", showPreview);
seek.addEventListener("mouseleave", () => { preview.hidden = true; });
