namespace Transcoder.Client.Uploading;

/// <summary>An upload failed in a way the client explains itself (a multipart upload that could not be aborted).</summary>
internal sealed class UploadFailedException(string message, Exception inner) : Exception(message, inner);
