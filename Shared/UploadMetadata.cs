namespace Transcoder.Shared;

/// <summary>
/// The S3 user metadata with which an upload asks for its own job options: the client CLI and a web backend that
/// presigns a browser's upload write them, the job reads them on its HEAD request. Each is sent as the header
/// <c>x-amz-meta-NAME</c>, and must be one of the presigned URL's signed headers.
/// </summary>
public static class UploadMetadata
{
    /// <summary>Comma list of renditions, as the job's <c>RENDITIONS</c>.</summary>
    public const string Renditions = "renditions";

    /// <summary>Comma list of deliverables (<c>hls,dash,mp4</c>), as the job's <c>FORMATS</c>.</summary>
    public const string Formats = "formats";

    /// <summary>Comma list of video codecs (<c>h264,av1</c>), as the job's <c>CODECS</c>.</summary>
    public const string Codecs = "codecs";

    /// <summary>The uploader's own text, copied into the manifest unchanged, as the job's <c>PASSTHROUGH</c>.</summary>
    public const string Passthrough = "passthrough";

    /// <summary>What S3 puts before a user metadata name to make its HTTP header.</summary>
    public const string HeaderPrefix = "x-amz-meta-";

    /// <summary>The HTTP header that carries the metadata <paramref name="name"/>, e.g. <c>x-amz-meta-renditions</c>.</summary>
    public static string Header(string name) => HeaderPrefix + name;
}
