namespace Transcoder.TranscodeJob.Probing;

internal sealed class FfprobeStream
{
    public int Index { get; set; }

    public string? CodecName { get; set; }

    public string? CodecType { get; set; }

    public string? Profile { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    public string? SampleAspectRatio { get; set; }

    public string? PixFmt { get; set; }

    public string? FieldOrder { get; set; }

    public string? ColorTransfer { get; set; }

    public string? ColorPrimaries { get; set; }

    public string? ColorSpace { get; set; }

    public string? RFrameRate { get; set; }

    public string? AvgFrameRate { get; set; }

    public double? Duration { get; set; }

    public double? StartTime { get; set; }

    public int? Channels { get; set; }

    public int? SampleRate { get; set; }

    public long? BitRate { get; set; }

    public Dictionary<string, int>? Disposition { get; set; }

    public Dictionary<string, string>? Tags { get; set; }

    public List<FfprobeSideData>? SideDataList { get; set; }
}
