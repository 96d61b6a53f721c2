using System.Text.Json;
using Microsoft.Extensions.Logging;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline;

/// <summary>
/// The rules of the output folder, which several uploads of one source (and redelivered messages of one upload) share:
/// "manifest present" means "complete", only the latest upload publishes, and what is left over from an earlier
/// upload goes. Every change to the folder goes through here, in this order: <see cref="ClaimAsync"/>, the uploads,
/// <see cref="CommitAsync"/>.
/// </summary>
internal sealed class JobOutputFolder(ISourceStore source, IOutputStore output, ILogger logger)
{
    public string Location => output.Location;

    /// <summary>The manifest in the folder, or null when there is none or it cannot be read (then it is made again).</summary>
    public async Task<JobManifest?> ReadManifestAsync(CancellationToken cancellationToken)
    {
        var json = await output.ReadTextAsync(JobManifest.FileName, cancellationToken);
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, ManifestJsonContext.Default.JobManifest);
        }
        catch (JsonException)
        {
            logger.LogWarning("Ignoring unreadable {Manifest} in {Location}; transcoding again", JobManifest.FileName, output.Location);
            return null;
        }
    }

    /// <summary>
    /// Makes the folder ready for this upload's files, after checking what may have happened during the encode. A
    /// later upload: its own job publishes, this one stops (<see cref="SourceSupersededException"/>). A duplicate job
    /// of the same upload and request (a redelivered message) that finished meanwhile: its manifest is returned and
    /// nothing is to be added. Any other manifest (an older upload's, another request's) goes first, so that "manifest
    /// present" keeps meaning "complete" while new files replace old ones.
    /// </summary>
    public async Task<JobManifest?> ClaimAsync(SourceObject described, string fingerprint, CancellationToken cancellationToken)
    {
        await ThrowIfReplacedAsync(described, cancellationToken);
        var current = await ReadManifestAsync(cancellationToken);
        if (current?.Source.Fingerprint == fingerprint)
        {
            logger.LogInformation("Already done by a duplicate job while this one encoded ({Fingerprint}); publishing nothing", fingerprint);
            return current;
        }

        if (current is not null)
        {
            await output.DeleteAsync(JobManifest.FileName, cancellationToken);
        }

        return null;
    }

    /// <summary>
    /// Makes the folder this upload's once every file is up: an earlier failure record and stale files go, and the
    /// manifest is written last, unless a later upload arrived while the files went up.
    /// </summary>
    /// <param name="published">The names of the files this upload published (everything else in the folder goes).</param>
    public async Task CommitAsync(
        SourceObject described, JobManifest manifest, IEnumerable<string> published, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        await output.DeleteAsync(FailureRecord.FileName, cancellationToken);
        await RemoveStaleFilesAsync(published, cancellationToken);
        await ThrowIfReplacedAsync(described, cancellationToken);

        var manifestPath = workspace.PathFor(JobManifest.FileName);
        await File.WriteAllTextAsync(manifestPath, ManifestJson.Write(manifest), cancellationToken);
        await output.WriteFileAsync(JobManifest.FileName, manifestPath, ContentTypes.For(JobManifest.FileName), cancellationToken);
    }

    /// <summary>
    /// Changes a complete folder in place, without encoding again (a caption attached later): the new and rewritten
    /// files go up first, then the revised manifest. The folder stays complete throughout: every file the old manifest
    /// lists stays, and a playlist is replaced whole. When the folder is no longer the one <paramref name="basis"/>
    /// describes (a later upload's job took it over, its manifest gone or replaced), nothing more is written: that
    /// job attaches the caption files beside its upload itself.
    /// </summary>
    public async Task ReviseAsync(
        JobManifest basis, JobManifest revised, IReadOnlyList<OutputFile> files, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        await ThrowIfTakenOverAsync(basis, cancellationToken);
        foreach (var file in files)
        {
            await output.WriteFileAsync(file.FileName, file.LocalPath, file.ContentType, cancellationToken);
        }

        await ThrowIfTakenOverAsync(basis, cancellationToken);
        var manifestPath = workspace.PathFor(JobManifest.FileName);
        await File.WriteAllTextAsync(manifestPath, ManifestJson.Write(revised), cancellationToken);
        await output.WriteFileAsync(JobManifest.FileName, manifestPath, ContentTypes.For(JobManifest.FileName), cancellationToken);
    }

    private async Task ThrowIfTakenOverAsync(JobManifest basis, CancellationToken cancellationToken)
    {
        if ((await ReadManifestAsync(cancellationToken))?.Source.Fingerprint != basis.Source.Fingerprint)
        {
            throw new SourceSupersededException(
                $"{basis.Source.Uri}'s outputs in {output.Location} are being replaced (a later upload or request); its job attaches the caption files beside the upload");
        }
    }

    private async Task ThrowIfReplacedAsync(SourceObject described, CancellationToken cancellationToken)
    {
        var now = await source.DescribeAsync(cancellationToken);
        if (described.Revision.IsSupersededBy(now.Revision))
        {
            throw new SourceSupersededException(described.Uri, described.Revision, now.Revision);
        }
    }

    // What an earlier upload or request left that this one does not make (a 1080p rung the new source is too small
    // for, an mp4 no longer asked for, a longer storyboard's last sheet) would otherwise stay beside the new manifest.
    private async Task RemoveStaleFilesAsync(IEnumerable<string> published, CancellationToken cancellationToken)
    {
        var keep = published.Append(JobManifest.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in (await output.ListAsync(cancellationToken)).Where(name => !keep.Contains(name)))
        {
            await output.DeleteAsync(stale, cancellationToken);
            logger.LogInformation("Removed {File}: an earlier upload's, not made for this one", stale);
        }
    }
}
