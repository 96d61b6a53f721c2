// Subtitles: the job's HLS SUBTITLES group as hls.js offers it, in a menu ("off" and each track by its NAME).
// window.playerState.subtitleTracks and .subtitleTrack are read by the browser test, as is showingCues().
"use strict";

function offerSubtitles(hls, select, state) {
  state.subtitleTracks = [];
  state.subtitleTrack = -1;
  hls.on(Hls.Events.SUBTITLE_TRACKS_UPDATED, (_, data) => {
    state.subtitleTracks = data.subtitleTracks.map((t) => ({ name: t.name, lang: t.lang || null, forced: !!t.forced, default: !!t.default }));
    select.replaceChildren(
      new Option("off", "-1"),
      ...data.subtitleTracks.map((t, i) => new Option(t.lang ? `${t.name} (${t.lang})` : t.name, String(i))));
    select.value = String(hls.subtitleTrack);
    select.disabled = data.subtitleTracks.length === 0;
  });
  hls.on(Hls.Events.SUBTITLE_TRACK_SWITCH, (_, data) => {
    state.subtitleTrack = data.id;
    select.value = String(data.id);
  });
  select.addEventListener("change", () => {
    hls.subtitleDisplay = true;
    hls.subtitleTrack = Number(select.value);
  });
}

// The text of every cue on screen now: the active cues of the text tracks that are showing.
function showingCues(video) {
  const texts = [];
  for (const track of video.textTracks) {
    if (track.mode === "showing" && track.activeCues) {
      for (const cue of track.activeCues) texts.push(cue.text);
    }
  }
  return texts;
}
