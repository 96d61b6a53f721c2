namespace Transcoder.Shared.Outputs;

/// <summary>One audio stream of the source as probed.</summary>
/// <param name="Index">The stream's index in the source.</param>
/// <param name="Codec">The codec as ffprobe names it (<c>aac</c>).</param>
/// <param name="Channels">The channel count.</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="Language">The language tag as the source has it (<c>eng</c>), when the stream has one.</param>
/// <param name="IsDefault">Whether the source marks it as the default track.</param>
public sealed record ManifestAudio(int Index, string Codec, int Channels, int SampleRate, string? Language, bool IsDefault)
{
    /// <summary>The stream's own title, when it has one.</summary>
    public string? Title { get; init; }

    /// <summary>Whether the source marks it as audio description (disposition <c>visual_impaired</c> or <c>descriptions</c>).</summary>
    public bool DescribesVideo { get; init; }
}
