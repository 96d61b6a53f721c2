using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Subtitles;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>
/// Adds the subtitle tracks to what <see cref="PackageStage"/> made: each track's WebVTT file and HLS media playlist,
/// the master playlist's SUBTITLES group (and <c>CLOSED-CAPTIONS=NONE</c> on every variant, with or without
/// subtitles), the MPD's text AdaptationSets.
/// </summary>
internal static class SubtitlePackaging
{
    public static PackagedOutputs AddTo(PackagedOutputs packaged, MadeSubtitles made, SourceMedia media, JobWorkspace workspace) =>
        AddTo(packaged, made, media.Duration, media.MainAudio?.Language, workspace);

    /// <summary>The same for a source known by its duration and main audio language (a long source's assembly).</summary>
    public static PackagedOutputs AddTo(PackagedOutputs packaged, MadeSubtitles made, TimeSpan duration, string? mainAudioLanguage, JobWorkspace workspace)
    {
        var seconds = SubtitleFiles.Seconds(duration);
        var tracks = SubtitleFiles.Arrange([.. made.Tracks.Select(t => (t, SubtitleFiles.WriteVtt(t, workspace.Root)))], mainAudioLanguage);
        var renditions = tracks.Select(t => t.Rendition).ToList();
        var playlists = new List<OutputFile>();
        foreach (var playlist in packaged.Playlists)
        {
            if (playlist.Role == OutputRoles.HlsMaster)
            {
                playlists.AddRange(renditions.Select(r => SubtitleFiles.WritePlaylist(r, seconds, workspace.Root)));
                File.WriteAllText(playlist.LocalPath, HlsSubtitles.Master(File.ReadAllText(playlist.LocalPath), [], renditions, seconds));
            }
            else if (playlist.Role == OutputRoles.DashManifest)
            {
                File.WriteAllText(playlist.LocalPath, DashSubtitles.Mpd(File.ReadAllText(playlist.LocalPath), renditions, seconds));
            }

            playlists.Add(playlist);
        }

        return packaged with { Playlists = playlists, Subtitles = tracks, SkippedSubtitles = made.Skipped };
    }
}
