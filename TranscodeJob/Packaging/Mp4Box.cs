using System.Buffers.Binary;

namespace Transcoder.TranscodeJob.Packaging;

/// <summary>An ISO BMFF box header: where the box starts, its whole size and the size of its header.</summary>
internal readonly record struct Mp4Box(string Type, long Offset, long Size, int HeaderSize)
{
    /// <summary>Reads the header at <paramref name="offset"/> of a stream of <paramref name="length"/> bytes.</summary>
    public static Mp4Box ReadHeader(byte[] buffer, Stream stream, long offset, long length)
    {
        if (length - offset < 8)
        {
            throw new InvalidDataException($"truncated box header at byte {offset}");
        }

        stream.ReadExactly(buffer, 0, 8);
        var headerBytes = 8;
        if (BinaryPrimitives.ReadUInt32BigEndian(buffer) == 1 && length - offset >= 16)
        {
            stream.ReadExactly(buffer, 8, 8);
            headerBytes = 16;
        }

        return Parse(buffer.AsSpan(0, headerBytes), offset, length - offset);
    }

    /// <summary>The child boxes laid one after another in <paramref name="data"/>.</summary>
    public static IEnumerable<Mp4Box> Children(ReadOnlySpan<byte> data)
    {
        var boxes = new List<Mp4Box>();
        long offset = 0;
        while (offset < data.Length)
        {
            var rest = data[(int)offset..];
            if (rest.Length < 8)
            {
                throw new InvalidDataException($"truncated box header at byte {offset}");
            }

            var box = Parse(rest[..Math.Min(16, rest.Length)], offset, rest.Length);
            boxes.Add(box);
            offset += box.Size;
        }

        return boxes;
    }

    /// <summary>The body of the box found by following <paramref name="path"/> from <paramref name="data"/>.</summary>
    public static ReadOnlySpan<byte> Find(ReadOnlySpan<byte> data, params ReadOnlySpan<string> path) =>
        TryFind(data, out var body, path) ? body : throw new InvalidDataException($"no {string.Join('/', path.ToArray())} box");

    public static bool TryFind(ReadOnlySpan<byte> data, out ReadOnlySpan<byte> body, params ReadOnlySpan<string> path)
    {
        body = data;
        foreach (var type in path)
        {
            var found = false;
            foreach (var child in Children(body))
            {
                if (child.Type == type)
                {
                    body = body.Slice((int)child.Offset + child.HeaderSize, (int)(child.Size - child.HeaderSize));
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                body = default;
                return false;
            }
        }

        return true;
    }

    /// <param name="header">The first 8 bytes of the box, or 16 when a 64-bit size may follow.</param>
    private static Mp4Box Parse(ReadOnlySpan<byte> header, long offset, long available)
    {
        var size = (long)BinaryPrimitives.ReadUInt32BigEndian(header);
        var type = System.Text.Encoding.Latin1.GetString(header.Slice(4, 4));
        var headerSize = 8;
        if (size == 1)
        {
            if (header.Length < 16)
            {
                throw new InvalidDataException($"truncated 64-bit box size at byte {offset}");
            }

            var large = BinaryPrimitives.ReadUInt64BigEndian(header.Slice(8, 8));
            size = large > long.MaxValue ? long.MaxValue : (long)large;
            headerSize = 16;
        }
        else if (size == 0)
        {
            size = available; // "extends to the end of the file"
        }

        if (size < headerSize || size > available)
        {
            throw new InvalidDataException($"box '{type}' at byte {offset} has an impossible size {size}");
        }

        return new Mp4Box(type, offset, size, headerSize);
    }
}
