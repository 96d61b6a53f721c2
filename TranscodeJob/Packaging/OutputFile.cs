namespace Transcoder.TranscodeJob.Packaging;

/// <summary>A file the job publishes: its name in the output folder, its role, its Content-Type, where it is now.</summary>
/// <param name="Role">One of <see cref="Shared.Outputs.OutputRoles"/>.</param>
internal sealed record OutputFile(string FileName, string Role, string ContentType, string LocalPath);
