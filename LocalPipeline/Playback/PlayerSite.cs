using Transcoder.LocalAws;

namespace Transcoder.LocalPipeline.Playback;

/// <summary>What the local player site serves: the player page, hls.js from the pinned npm package, and outputs.</summary>
internal static class PlayerSite
{
    /// <param name="media">A folder holding one output folder per source (a job's <c>--output</c>).</param>
    public static IReadOnlyDictionary<string, string> Folders(string media) => new Dictionary<string, string>
    {
        ["player"] = Path.Combine(RepoPaths.Root, "player"),
        ["hls.js"] = Path.Combine(RepoPaths.NodeModules, "hls.js", "dist"),
        ["media"] = media,
    };

    /// <summary>The page that plays <paramref name="folder"/>'s master playlist, relative to the server's base URL.</summary>
    /// <param name="masterPlaylist">The playlist's name in the folder, as its manifest.json gives it (<c>hls</c>).</param>
    public static string PlayerPath(string folder, string masterPlaylist) =>
        $"player/?src=/media/{Uri.EscapeDataString(folder)}/{Uri.EscapeDataString(masterPlaylist)}";
}
