namespace Transcoder.TranscodeJob.Probing;

/// <summary>One audio stream of the source, with what its header says about it.</summary>
/// <param name="Language">The language tag as the source has it (<c>eng</c>, <c>fre</c>, <c>und</c>), if any.</param>
/// <param name="IsDefault">The source marks it as the track to play.</param>
internal sealed record AudioStreamInfo(int Index, string Codec, int Channels, int SampleRate, string? Language, bool IsDefault)
{
    /// <summary>The stream's own title (Matroska's track name), if any.</summary>
    public string? Title { get; init; }

    /// <summary>Audio description for viewers who cannot see the picture (disposition <c>visual_impaired</c> or <c>descriptions</c>).</summary>
    public bool DescribesVideo { get; init; }

    /// <summary>A commentary track (disposition <c>comment</c>).</summary>
    public bool IsCommentary { get; init; }
}
