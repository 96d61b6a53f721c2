using System.Globalization;

namespace Transcoder.Client.Progress;

/// <summary>Plain lines for a log or a pipe (no terminal to redraw): one at every tenth of the upload.</summary>
internal sealed class ProgressLines(TextWriter output) : IUploadProgress
{
    private const int Steps = 10;

    private readonly Lock _gate = new();
    private long _total;
    private long _sent;
    private int _stepsWritten;

    public void Start(long totalBytes)
    {
        lock (_gate)
        {
            _total = totalBytes;
        }
    }

    public void Add(long bytes)
    {
        lock (_gate)
        {
            _sent += bytes;
            var step = _total == 0 ? Steps : (int)Math.Clamp(_sent * Steps / _total, 0, Steps);
            while (_stepsWritten < step)
            {
                _stepsWritten++;
                Write(_stepsWritten);
            }
        }
    }

    public void Finish()
    {
        lock (_gate)
        {
            if (_stepsWritten < Steps)
            {
                _stepsWritten = Steps;
                Write(Steps);
            }
        }
    }

    private void Write(int step) => output.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"uploaded {step * 100 / Steps}% ({ByteSize.Format(Math.Min(_total * step / Steps, _total))} of {ByteSize.Format(_total)})"));
}
