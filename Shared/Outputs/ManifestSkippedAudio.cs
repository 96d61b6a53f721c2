namespace Transcoder.Shared.Outputs;

/// <summary>A source audio stream the job did not deliver.</summary>
/// <param name="Index">The stream's index in the source (<see cref="ManifestAudio.Index"/>).</param>
/// <param name="Reason">Why: empty, a duplicate of another stream, or over the limit of audio tracks.</param>
public sealed record ManifestSkippedAudio(int Index, string Reason);
