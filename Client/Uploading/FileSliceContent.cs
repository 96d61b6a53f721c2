using System.Buffers;
using System.Net;

namespace Transcoder.Client.Uploading;

/// <summary>
/// A byte range of a file as a request body, read as it is sent (never the whole part in memory), with a known
/// length: a presigned PUT must carry Content-Length, S3 refuses a chunked one. Each chunk sent is reported.
/// </summary>
internal sealed class FileSliceContent(string path, FilePart part, Action<long> sent) : HttpContent
{
    private const int ChunkSize = 81_920;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        file.Position = part.Offset;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var left = part.Length;
            while (left > 0)
            {
                var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken);
                if (read == 0)
                {
                    throw new IOException($"{path} became shorter while it was uploaded");
                }

                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                left -= read;
                sent(read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = part.Length;
        return true;
    }
}
