using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Packaging;

/// <summary>
/// One CMAF track file the encoder wrote into the workspace: a fragmented MP4 with a single track, every fragment
/// starting on a keyframe (video: the GOP boundaries, on the same timestamps in every rendition; audio: about every
/// GOP length). The playlists describe byte ranges of this one file, so the same media serves HLS and DASH.
/// </summary>
/// <param name="Name">The rendition's name (<c>1080p</c>, <c>audio</c>, <c>audio-fr-2</c>); names the media playlist.</param>
/// <param name="FileName">The file's name in the output folder, e.g. <c>1080p.cmfv</c> or <c>audio.cmfa</c>.</param>
/// <param name="LocalPath">Where the file is now, in the workspace.</param>
/// <param name="FrameRate">The video's frame rate; null for audio.</param>
/// <param name="Width">Picture width; 0 for audio.</param>
/// <param name="Height">Picture height; 0 for audio.</param>
/// <param name="Audio">What the playlists say about an audio track (language, name, role, default, channels); null for video.</param>
internal sealed record CmafTrack(
    string Name,
    string FileName,
    string LocalPath,
    TrackKind Kind,
    int Width,
    int Height,
    Rational? FrameRate,
    AudioFacts? Audio);
