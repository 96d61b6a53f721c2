using System.Globalization;

namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>
/// Reads the key=value lines of <c>-progress pipe:1</c>. Each block ends with <c>progress=continue</c> or
/// <c>progress=end</c>; <see cref="Push"/> returns the encoded time at the end of a block.
/// </summary>
internal sealed class FfmpegProgress
{
    private TimeSpan _outTime;

    public TimeSpan? Push(string line)
    {
        var equals = line.IndexOf('=');
        if (equals <= 0)
        {
            return null;
        }

        var key = line.AsSpan(0, equals).Trim();
        var value = line.AsSpan(equals + 1).Trim();
        if (key.SequenceEqual("out_time_us")
            && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var microseconds)
            && microseconds >= 0)
        {
            _outTime = TimeSpan.FromMicroseconds(microseconds);
        }
        else if (key.SequenceEqual("progress"))
        {
            return _outTime;
        }

        return null;
    }
}
