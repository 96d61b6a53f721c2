using Transcoder.Shared.Outputs;

namespace Transcoder.Client.Urls;

/// <summary>
/// The files of a finished job worth a link, read from its manifest (which knows which formats were made): the HLS
/// master playlist, the DASH manifest, each rendition's MP4, the poster and the manifest itself.
/// </summary>
internal static class OutputLinks
{
    public static IReadOnlyList<string> FilesOf(JobManifest manifest)
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
        files.Add(manifest.Poster.File);
        files.Add(JobManifest.FileName);
        return files;
    }
}
