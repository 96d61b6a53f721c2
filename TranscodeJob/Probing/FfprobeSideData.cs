namespace Transcoder.TranscodeJob.Probing;

internal sealed class FfprobeSideData
{
    public string? SideDataType { get; set; }

    public double? Rotation { get; set; }
}
