using Transcoder.Shared.Outputs;

namespace Transcoder.Client.Urls;

/// <summary>
/// The files of a finished job worth a link, read from its manifest (which knows which formats were made): the HLS
/// master playlist, the DASH manifest, each rendition's MP4 (an audio-only source's M4A), the poster when there is one
/// and the manifest itself.
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
        // An audio-only source's M4A.
        files.AddRange(manifest.AudioTracks.Select(a => a.File).OfType<string>());
        if (manifest.Poster is { } poster)
        {
            files.Add(poster.File);
        }

        files.Add(JobManifest.FileName);
        return files;
    }
}
