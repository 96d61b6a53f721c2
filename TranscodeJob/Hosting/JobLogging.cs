using System.Text.Json;
using Microsoft.Extensions.Logging;
using Transcoder.TranscodeJob.Settings;

namespace Transcoder.TranscodeJob.Hosting;

internal static class JobLogging
{
    /// <summary>JSON lines for a container's log driver, one readable line per event on a terminal.</summary>
    public static ILoggerFactory Create(LogFormat format, bool verbose) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Information);
        if (format == LogFormat.Json)
        {
            builder.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }
        else
        {
            builder.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss ";
            });
        }
    });
}
