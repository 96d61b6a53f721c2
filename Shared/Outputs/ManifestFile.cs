namespace Transcoder.Shared.Outputs;

/// <summary>A published file: its name in the output folder, its role, how it is served, and its size.</summary>
/// <param name="File">The file's name in the output folder.</param>
/// <param name="Role">One of <see cref="OutputRoles"/>.</param>
/// <param name="ContentType">The Content-Type it is stored with (<see cref="ContentTypes"/>).</param>
/// <param name="Size">Bytes.</param>
public sealed record ManifestFile(string File, string Role, string ContentType, long Size);
