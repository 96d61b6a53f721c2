namespace Transcoder.TranscodeJob.Manifest;

internal sealed record ManifestPoster(string File, int Width, int Height)
{
    public const string FileName = "poster.jpg";
}
