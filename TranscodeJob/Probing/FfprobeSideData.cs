namespace Transcoder.TranscodeJob.Probing;

public sealed class FfprobeSideData
{
    public string? SideDataType { get; set; }

    public double? Rotation { get; set; }
}
