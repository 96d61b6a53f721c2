namespace Transcoder.TranscodeJob.Encoding;

/// <summary>Encodes a planned ladder into the workspace; <see cref="EncodedOutputs"/> checks what it wrote.</summary>
internal interface ILadderEncoder
{
    Task EncodeAsync(LadderJob job, CancellationToken cancellationToken);
}
