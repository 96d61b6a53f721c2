namespace Transcoder.Shared.Outputs;

/// <summary>
/// The loudness of the delivered audio (ITU BS.1770 / EBU R128, ffmpeg's <c>ebur128</c>), measured in the encode
/// itself, after the normalisation when one was asked for.
/// </summary>
/// <param name="IntegratedLufs">Integrated loudness, LUFS.</param>
/// <param name="RangeLu">Loudness range, LU.</param>
/// <param name="TruePeakDbtp">The highest true peak of any channel, dBTP.</param>
/// <param name="TargetLufs">The target it was normalised to, or null when it was left as the source had it.</param>
public sealed record ManifestLoudness(double IntegratedLufs, double RangeLu, double TruePeakDbtp, double? TargetLufs);
