using Microsoft.Extensions.Logging;
using Transcoder.Shared.Captions;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Subtitles;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Captions;

/// <summary>
/// Attaches one caption track to a published folder without encoding again: its WebVTT file and HLS playlist, the
/// master playlist's and the MPD's subtitle parts rewritten, the manifest revised (through
/// <see cref="JobOutputFolder.ReviseAsync"/>). Two caption files of one video may arrive at once, and their jobs
/// then change the same folder: each takes in every caption track it finds in the folder, listed or not, and after
/// writing looks again; finding one it has not listed, it revises once more. The last manifest written therefore
/// lists every caption track written before it.
/// </summary>
internal sealed class CaptionAttacher(IOutputStore output, JobOutputFolder folder, TimeProvider time, ILogger logger)
{
    private const int MaxRounds = 3;

    public async Task<JobManifest> AttachAsync(JobManifest basis, SubtitleTrack track, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var current = basis;
        for (var round = 1; ; round++)
        {
            var revised = await ReviseAsync(current, track, workspace, cancellationToken);
            var missed = await UnlistedAsync(revised, track, cancellationToken);
            if (missed.Count == 0 || round == MaxRounds)
            {
                logger.LogInformation("Attached {Track} ({Cues} cues) to {Location}", track.FileName, track.Cues.Count, output.Location);
                return revised;
            }

            logger.LogInformation("Caption tracks written meanwhile: {Tracks}; revising again", string.Join(", ", missed.Select(m => m.Entry.File)));
            current = revised;
        }
    }

    private async Task<JobManifest> ReviseAsync(JobManifest basis, SubtitleTrack track, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var unlisted = await UnlistedAsync(basis, track, cancellationToken);
        var sizes = basis.Files.ToDictionary(f => f.File, f => f.Size, StringComparer.Ordinal);
        var kept = basis.Subtitles.Where(s => s.File != track.FileName).Select(s => new PublishedSubtitle(s, sizes.GetValueOrDefault(s.File))).Concat(unlisted).ToList();
        if (kept.Count >= SubtitleSet.MaxTracks)
        {
            throw JobException.BadInput($"{track.SourceFile}: {basis.Source.Uri} already has {kept.Count} subtitle tracks, the limit; not attached");
        }

        var vttPath = SubtitleFiles.WriteVtt(track, workspace.Root);
        var added = new SubtitleRendition(
            track.Id, track.Language, SubtitleSet.NameFor(null, track.Language, track.Forced, track.HearingImpaired),
            track.Forced, track.HearingImpaired, false, new FileInfo(vttPath).Length);
        var renditions = SubtitleSet.Arrange([.. kept.Select(k => k.Rendition), added], MainAudioLanguage(basis));
        var entries = kept.Select(k => k.Entry)
            .Append(new ManifestSubtitle(added.FileName, null, track.Language, added.Name, track.Forced, track.HearingImpaired, false, track.Origin, null, track.SourceFile, track.Cues.Count))
            .Zip(renditions, (entry, arranged) => entry with { Name = arranged.Name, IsDefault = arranged.IsDefault, Playlist = basis.Hls is null ? null : arranged.PlaylistName })
            .ToList();

        var written = new List<OutputFile> { new(track.FileName, OutputRoles.Subtitles, ContentTypes.For(track.FileName), vttPath) };
        written.AddRange(await PlaylistsAsync(basis, [.. unlisted.Select(u => u.Id), track.Id], renditions, sizes, workspace, cancellationToken));
        var revised = basis with
        {
            CompletedAt = time.GetUtcNow(),
            Subtitles = entries,
            SkippedSubtitles = [.. basis.SkippedSubtitles.Where(s => s.SourceFile is null || s.SourceFile != track.SourceFile)],
            Files = MergeFiles(basis.Files, unlisted, written),
        };
        await folder.ReviseAsync(basis, revised, written, workspace, cancellationToken);
        return revised;
    }

    // The written tracks' media playlists, then the master and the MPD with the new subtitle set.
    private async Task<List<OutputFile>> PlaylistsAsync(
        JobManifest basis, IReadOnlyCollection<string> newIds, IReadOnlyList<SubtitleRendition> renditions,
        Dictionary<string, long> sizes, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var seconds = basis.Source.DurationSeconds;
        var files = new List<OutputFile>();
        if (basis.Hls is { } hls)
        {
            files.AddRange(renditions.Where(r => newIds.Contains(r.Id)).Select(r => SubtitleFiles.WritePlaylist(r, seconds, workspace.Root)));
            var master = await ReadAsync(hls, cancellationToken);
            var before = HlsSubtitles.PlaylistsIn(master)
                .Select(playlist => Path.GetFileNameWithoutExtension(playlist))
                .Select(id => new SubtitleRendition(id, null, id, false, false, false, sizes.GetValueOrDefault(id + ".vtt", renditions.FirstOrDefault(r => r.Id == id)?.Bytes ?? 0)))
                .ToList();
            files.Add(WriteText(workspace, hls, OutputRoles.HlsMaster, HlsSubtitles.Master(master, before, renditions, seconds)));
        }

        if (basis.Dash is { } dash)
        {
            files.Add(WriteText(workspace, dash, OutputRoles.DashManifest, DashSubtitles.Mpd(await ReadAsync(dash, cancellationToken), renditions, seconds)));
        }

        return files;
    }

    // Caption tracks in the folder that the manifest does not list: written by another caption job of this video.
    private async Task<List<PublishedSubtitle>> UnlistedAsync(JobManifest manifest, SubtitleTrack track, CancellationToken cancellationToken)
    {
        var listed = manifest.Subtitles.Select(s => s.File).Append(track.FileName).ToHashSet(StringComparer.Ordinal);
        var unlisted = new List<PublishedSubtitle>();
        foreach (var name in await output.ListAsync(cancellationToken))
        {
            if (!name.EndsWith(".vtt", StringComparison.Ordinal) || listed.Contains(name)
                || CaptionFileName.ParseTrackId(Path.GetFileNameWithoutExtension(name)) is not { } facts
                || await output.ReadTextAsync(name, cancellationToken) is not { } text)
            {
                continue;
            }

            var cues = text.Split('\n').Count(line => line.Contains("-->", StringComparison.Ordinal));
            unlisted.Add(new PublishedSubtitle(
                new ManifestSubtitle(name, null, facts.Language, SubtitleSet.NameFor(null, facts.Language, facts.Forced, facts.HearingImpaired),
                    facts.Forced, facts.HearingImpaired, false, SubtitleOrigins.File, null, null, cues),
                System.Text.Encoding.UTF8.GetByteCount(text)));
        }

        return unlisted;
    }

    private static List<ManifestFile> MergeFiles(IReadOnlyList<ManifestFile> files, IReadOnlyList<PublishedSubtitle> unlisted, IReadOnlyList<OutputFile> written)
    {
        var replaced = written.Select(w => w.FileName).Concat(unlisted.Select(u => u.Entry.File)).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. files.Where(f => !replaced.Contains(f.File)),
            .. unlisted.Select(u => new ManifestFile(u.Entry.File, OutputRoles.Subtitles, ContentTypes.For(u.Entry.File), u.Bytes)),
            .. written.Select(w => new ManifestFile(w.FileName, w.Role, w.ContentType, new FileInfo(w.LocalPath).Length)),
        ];
    }

    private static string? MainAudioLanguage(JobManifest manifest) =>
        (manifest.Source.Audio.FirstOrDefault(a => a.IsDefault) ?? manifest.Source.Audio.FirstOrDefault())?.Language;

    private async Task<string> ReadAsync(string name, CancellationToken cancellationToken) =>
        await output.ReadTextAsync(name, cancellationToken)
        ?? throw JobException.Transient($"{output.Location}{name} is listed in its manifest but missing");

    private static OutputFile WriteText(JobWorkspace workspace, string name, string role, string text)
    {
        var path = workspace.PathFor(name);
        File.WriteAllText(path, text);
        return new OutputFile(name, role, ContentTypes.For(name), path);
    }
}
