using Transcoder.Client.Jobs;

namespace Transcoder.Client.Urls;

/// <summary>
/// The files of a finished job worth a link, read from its manifest (which knows which formats were made): the HLS
/// master playlist, the DASH manifest, each rendition's MP4, the poster and the manifest itself.
/// </summary>
internal static class OutputLinks
{
    public static IReadOnlyList<string> FilesOf(ManifestSummary manifest)
    {
        var files = new List<string>();
        if (manifest.Hls is { } hls)
        {
            files.Add(hls);
        }

        if (manifest.Dash is { } dash)
        {
            files.Add(dash);
        }

        files.AddRange(manifest.Renditions.Select(r => r.File).OfType<string>());
        if (manifest.Poster is { } poster)
        {
            files.Add(poster.File);
        }

        files.Add(OutputFolderLocation.ManifestFile);
        return files;
    }
}
