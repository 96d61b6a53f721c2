namespace Transcoder.Shared.Outputs;

/// <summary>The poster: a frame at a tenth of the duration, at the top rendition's size.</summary>
/// <param name="File">The image (<see cref="FileName"/>).</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record ManifestPoster(string File, int Width, int Height)
{
    /// <summary>The poster's name in the output folder.</summary>
    public const string FileName = "poster.jpg";
}
