// Seek previews from the job's storyboard.vtt: each cue is "sheet.jpg#xywh=x,y,w,h" for a time span.
"use strict";

/** Parses WebVTT cues whose text is an image URL with an #xywh= fragment, resolved against the VTT's URL. */
function parseStoryboard(text, baseUrl) {
  const cues = [];
  const blocks = text.replace(/\r/g, "").split("\n\n");
  for (const block of blocks) {
    const lines = block.split("\n").filter((l) => l.length > 0);
    const timing = lines.findIndex((l) => l.includes("-->"));
    if (timing < 0 || timing + 1 >= lines.length) continue;
    const [from, to] = lines[timing].split("-->").map((t) => seconds(t.trim()));
    const [file, fragment] = lines[timing + 1].split("#xywh=");
    const [x, y, w, h] = fragment.split(",").map(Number);
    cues.push({ from, to, url: new URL(file, baseUrl).href, x, y, w, h });
  }
  return cues;
}

/** hh:mm:ss.ttt or mm:ss.ttt to seconds. */
function seconds(stamp) {
  return stamp.split(":").reduce((total, part) => total * 60 + Number(part), 0);
}

/** The cue showing time t, or null. */
function cueAt(cues, t) {
  return cues.find((c) => t >= c.from && t < c.to) ?? cues[cues.length - 1] ?? null;
}
