namespace Transcoder.Deploy.Tests.Template;

/// <summary>How an external tool ended: its exit code and everything it printed (stdout, then stderr).</summary>
public sealed record ToolResult(int ExitCode, string Output);
