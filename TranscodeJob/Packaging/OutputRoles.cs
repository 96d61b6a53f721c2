namespace Transcoder.TranscodeJob.Packaging;

/// <summary>The role of each published file, as <c>manifest.json</c> lists it.</summary>
internal static class OutputRoles
{
    public const string HlsMaster = "hls-master";
    public const string HlsPlaylist = "hls-playlist";
    public const string DashManifest = "dash-manifest";
    public const string CmafVideo = "cmaf-video";
    public const string CmafAudio = "cmaf-audio";
    public const string Progressive = "mp4";
    public const string StoryboardSheet = "storyboard-sheet";
    public const string StoryboardVtt = "storyboard-vtt";
    public const string Poster = "poster";
}
