namespace Transcoder.Client.Uploading;

/// <summary>A byte range of the file, sent as one request; parts are numbered from 1, as S3 numbers them.</summary>
internal sealed record FilePart(int Number, long Offset, long Length);
