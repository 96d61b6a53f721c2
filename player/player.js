// The local player: hls.js on the job's master playlist, a quality selector, an audio track selector (every
// language, audio description), subtitles, storyboard seek previews.
// window.playerState is read by the browser test (tests/Transcoder.Pipeline.Tests/Playback).
"use strict";

const params = new URLSearchParams(location.search);
const src = params.get("src");
const video = document.getElementById("video");
const quality = document.getElementById("quality");
const audio = document.getElementById("audio");
const audioChoice = document.getElementById("audio-choice");
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
  audioTracks: [],
  currentAudioTrack: -1,
  audioSwitches: [],
  storyboard: [],
  engine: null,
  // Where playback waited for data after it had started (a stall): a seam between a long source's chunks must not.
  stalls: [],
});

function fail(message) {
  state.errors.push(message);
  status.textContent = "error: " + message;
}

video.addEventListener("error", () => fail("video: " + (video.error ? video.error.code + " " + video.error.message : "unknown")));
video.addEventListener("ended", () => { state.ended = true; status.textContent = "ended"; });
video.addEventListener("waiting", () => { if (video.currentTime > 0 && !video.seeking) state.stalls.push(video.currentTime); });
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
    // hls.js offers only the levels whose CODECS this browser decodes (an AV1 master lists H.264 beside it).
    state.levels = data.levels.map((l) => ({ width: l.width, height: l.height, bitrate: l.bitrate, videoCodec: l.videoCodec }));
    data.levels.forEach((level, index) => {
      const option = document.createElement("option");
      option.value = String(index);
      const codec = (level.videoCodec || "").startsWith("av01") ? " AV1" : "";
      // An audio-only presentation's levels have no picture.
      option.textContent = `${level.height ? level.height + "p" : "audio"}${codec} (${Math.round(level.bitrate / 1000)} kb/s)`;
      quality.appendChild(option);
    });
  });
  hls.on(Hls.Events.LEVEL_SWITCHED, (_, data) => {
    state.currentLevel = data.level;
    state.levelSwitches.push(data.level);
    status.textContent = hls.levels[data.level].height ? `playing ${hls.levels[data.level].height}p` : "playing audio";
  });
  // The AUDIO group: one entry per language (and per audio description), the DEFAULT=YES one selected first.
  hls.on(Hls.Events.AUDIO_TRACKS_UPDATED, (_, data) => {
    state.audioTracks = data.audioTracks.map((t) => ({
      name: t.name, lang: t.lang ?? null, default: !!t.default, describesVideo: (t.characteristics ?? "").includes("describes-video"),
    }));
    audio.replaceChildren(...data.audioTracks.map((track, index) => {
      const option = document.createElement("option");
      option.value = String(index);
      option.textContent = track.name + (track.lang ? ` (${track.lang})` : "");
      return option;
    }));
    audio.value = String(hls.audioTrack);
    audioChoice.hidden = data.audioTracks.length < 2;
  });
  hls.on(Hls.Events.AUDIO_TRACK_SWITCHED, (_, data) => {
    state.currentAudioTrack = data.id;
    state.audioSwitches.push(data.id);
    audio.value = String(data.id);
  });
  audio.addEventListener("change", () => { hls.audioTrack = Number(audio.value); });
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
