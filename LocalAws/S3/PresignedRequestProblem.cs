namespace Transcoder.LocalAws.S3;

/// <summary>Why S3 would refuse a presigned request: its error code (<c>SignatureDoesNotMatch</c>, <c>AccessDenied</c>, …) and message.</summary>
public sealed record PresignedRequestProblem(string Code, string Message);
