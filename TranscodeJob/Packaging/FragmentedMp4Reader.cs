using System.Buffers.Binary;
using System.Globalization;

namespace Transcoder.TranscodeJob.Packaging;

/// <summary>
/// Reads the index of a one-track fragmented MP4 (ISO/IEC 14496-12) without loading its media: box headers are
/// read and the <c>mdat</c>s skipped; only <c>moov</c> and each <c>moof</c> (a few hundred bytes) are read whole.
/// </summary>
internal static class FragmentedMp4Reader
{
    // moov and moof are small; anything larger is not a file this job wrote.
    private const int MaxIndexBoxBytes = 64 * 1024 * 1024;

    public static FragmentedMp4 Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096);
        long initLength = 0, timescale = 0, trexDefaultDuration = 0, trexDefaultSize = 0;
        string? codec = null;
        var fragments = new List<Mp4Fragment>();
        Pending? open = null;

        foreach (var box in TopLevelBoxes(file))
        {
            switch (box.Type)
            {
                case "moov":
                    var moov = ReadBody(file, box);
                    timescale = MoovFacts.Timescale(moov);
                    codec = MoovFacts.Codec(moov);
                    trexDefaultDuration = MoovFacts.TrexDefault(moov, 12);
                    trexDefaultSize = MoovFacts.TrexDefault(moov, 16);
                    initLength = box.Offset + box.Size;
                    break;
                case "moof":
                    Close(open, fragments);
                    var moof = ReadBody(file, box);
                    var (start, duration) = MoofFacts.Timing(moof, trexDefaultDuration);
                    var keyframeLength = MoofFacts.FirstSampleEnd(moof, trexDefaultSize);
                    open = new Pending(box.Offset, box.Offset + box.Size, start, duration, keyframeLength);
                    break;
                case "mdat" when open is not null:
                    open = open with { End = box.Offset + box.Size };
                    break;
                default:
                    // styp, sidx, mfra…: not part of a fragment's media.
                    Close(open, fragments);
                    open = null;
                    break;
            }
        }

        Close(open, fragments);
        if (initLength == 0 || timescale <= 0 || codec is null)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: no moov with a timescale and a sample entry");
        }

        if (fragments.Count == 0)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: not a fragmented MP4 (no moof)");
        }

        return new FragmentedMp4(initLength, timescale, codec, fragments);
    }

    /// <summary>Top-level boxes, each checked to lie inside the file.</summary>
    public static IEnumerable<Mp4Box> TopLevelBoxes(Stream file)
    {
        var header = new byte[16];
        long offset = 0;
        var length = file.Length;
        while (offset < length)
        {
            file.Position = offset;
            var box = Mp4Box.ReadHeader(header, file, offset, length);
            yield return box;
            offset += box.Size;
        }
    }

    private static byte[] ReadBody(Stream file, Mp4Box box)
    {
        var bodyLength = box.Size - box.HeaderSize;
        if (bodyLength > MaxIndexBoxBytes)
        {
            throw new InvalidDataException($"{box.Type} box of {box.Size} bytes is too large");
        }

        var body = new byte[bodyLength];
        file.Position = box.Offset + box.HeaderSize;
        file.ReadExactly(body);
        return body;
    }

    private static void Close(Pending? open, List<Mp4Fragment> fragments)
    {
        if (open is not null)
        {
            fragments.Add(new Mp4Fragment(open.Offset, open.End - open.Offset, open.Start, open.Duration, open.KeyframeLength));
        }
    }

    private sealed record Pending(long Offset, long End, long Start, long Duration, long KeyframeLength);

    /// <summary>Facts from the <c>moov</c> box of a one-track file.</summary>
    private static class MoovFacts
    {
        public static long Timescale(byte[] moov)
        {
            var mdhd = Mp4Box.Find(moov, "trak", "mdia", "mdhd");
            // Full box: version 1 has 64-bit creation/modification times before the timescale.
            return mdhd[0] == 1 ? BinaryPrimitives.ReadUInt32BigEndian(mdhd.Slice(20)) : BinaryPrimitives.ReadUInt32BigEndian(mdhd.Slice(12));
        }

        /// <summary>A default of <c>trex</c> (8.8.3): at 12 the sample duration, at 16 the sample size.</summary>
        public static long TrexDefault(byte[] moov, int at) =>
            Mp4Box.TryFind(moov, out var trex, "mvex", "trex") ? BinaryPrimitives.ReadUInt32BigEndian(trex.Slice(at)) : 0;

        public static string Codec(byte[] moov)
        {
            var stsd = Mp4Box.Find(moov, "trak", "mdia", "minf", "stbl", "stsd");
            // stsd: version/flags and entry count, then the first sample entry.
            var entry = Mp4Box.Children(stsd[8..]).FirstOrDefault();
            if (entry.Type is null)
            {
                throw new InvalidDataException("stsd has no sample entry");
            }

            var body = stsd.Slice(8 + (int)entry.Offset + entry.HeaderSize, (int)(entry.Size - entry.HeaderSize));
            return entry.Type switch
            {
                // VisualSampleEntry: 78 bytes of fields before its child boxes (ISO/IEC 14496-12, 12.1.3).
                "avc1" or "avc3" => AvcCodec(entry.Type, Mp4Box.Find(body[78..], "avcC")),
                "av01" => Av1CodecString.From(Mp4Box.Find(body[78..], "av1C")),
                // AudioSampleEntry: 28 bytes of fields before its child boxes (12.2.3).
                "mp4a" => AacCodec(Mp4Box.Find(body[28..], "esds")),
                var other => throw new InvalidDataException($"unsupported sample entry {other}"),
            };
        }

        // ISO/IEC 14496-15: avcC starts with configurationVersion, then profile, compatibility flags and level,
        // which RFC 6381 writes as six hex digits.
        private static string AvcCodec(string type, ReadOnlySpan<byte> avcC) =>
            string.Create(CultureInfo.InvariantCulture, $"{type}.{avcC[1]:x2}{avcC[2]:x2}{avcC[3]:x2}");

        // RFC 6381, 3.3: mp4a.<objectTypeIndication hex>.<audio object type>, from the esds descriptors
        // (ISO/IEC 14496-1: ES_Descriptor 0x03 > DecoderConfigDescriptor 0x04 > DecoderSpecificInfo 0x05).
        private static string AacCodec(ReadOnlySpan<byte> esds)
        {
            var es = esds[4..]; // version and flags
            var decoderConfig = Descriptor(Descriptor(es, 0x03, out _), 0x04, out var esHeader);
            _ = esHeader;
            var objectType = decoderConfig[0];
            var specific = Descriptor(decoderConfig[13..], 0x05, out _);
            var audioObjectType = specific.Length > 0 ? specific[0] >> 3 : 0;
            return string.Create(CultureInfo.InvariantCulture, $"mp4a.{objectType:x2}.{audioObjectType}");
        }

        /// <summary>The body of the descriptor with <paramref name="tag"/> at the start of <paramref name="data"/>
        /// (for ES_Descriptor: after its ES_ID and flags, the fields it needs skipped).</summary>
        private static ReadOnlySpan<byte> Descriptor(ReadOnlySpan<byte> data, byte tag, out int consumed)
        {
            if (data.Length < 2 || data[0] != tag)
            {
                throw new InvalidDataException($"esds: descriptor 0x{tag:x2} missing");
            }

            // Sizes are 7 bits a byte, high bit = more bytes follow, at most 4 bytes.
            int size = 0, index = 1;
            for (; index <= 4; index++)
            {
                size = (size << 7) | (data[index] & 0x7f);
                if ((data[index] & 0x80) == 0)
                {
                    index++;
                    break;
                }
            }

            if (size > data.Length - index)
            {
                throw new InvalidDataException($"esds: descriptor 0x{tag:x2} overruns its box");
            }

            consumed = index + size;
            var body = data.Slice(index, size);
            if (tag != 0x03)
            {
                return body;
            }

            // ES_Descriptor: ES_ID (2), flags (1), then optional fields announced by the flags.
            var flags = body[2];
            var skip = 3 + ((flags & 0x80) != 0 ? 2 : 0);
            if ((flags & 0x40) != 0)
            {
                skip += 1 + body[skip];
            }

            if ((flags & 0x20) != 0)
            {
                skip += 2;
            }

            return body[skip..];
        }
    }

    /// <summary>Facts from one <c>moof</c> of a one-track file.</summary>
    private static class MoofFacts
    {
        public static (long Start, long Duration) Timing(byte[] moof, long trexDefaultDuration)
        {
            var traf = Mp4Box.Find(moof, "traf");
            var tfdt = Mp4Box.Find(traf, "tfdt");
            var start = tfdt[0] == 1 ? (long)BinaryPrimitives.ReadUInt64BigEndian(tfdt.Slice(4)) : BinaryPrimitives.ReadUInt32BigEndian(tfdt.Slice(4));

            var tfhd = Mp4Box.Find(traf, "tfhd");
            var defaultDuration = TfhdDefaultDuration(tfhd) ?? trexDefaultDuration;
            long duration = 0;
            foreach (var child in Mp4Box.Children(traf))
            {
                if (child.Type == "trun")
                {
                    duration += TrunDuration(traf.Slice((int)child.Offset + child.HeaderSize, (int)(child.Size - child.HeaderSize)), defaultDuration);
                }
            }

            return (start, duration);
        }

        /// <summary>
        /// Bytes from the start of the <c>moof</c> to the end of the fragment's first sample (its keyframe): the
        /// first <c>trun</c>'s data offset (from the <c>moof</c>, as CMAF's default-base-is-moof has it) plus
        /// that sample's size.
        /// </summary>
        public static long FirstSampleEnd(byte[] moof, long trexDefaultSize)
        {
            var traf = Mp4Box.Find(moof, "traf");
            var tfhd = Mp4Box.Find(traf, "tfhd");
            var tfhdFlags = BinaryPrimitives.ReadUInt32BigEndian(tfhd) & 0xffffff;
            if ((tfhdFlags & 0x01) != 0)
            {
                throw new InvalidDataException("tfhd: base_data_offset set; CMAF tracks are addressed from their moof");
            }

            var at = 8;
            if ((tfhdFlags & 0x02) != 0) at += 4; // sample_description_index
            if ((tfhdFlags & 0x08) != 0) at += 4; // default_sample_duration
            long defaultSize = (tfhdFlags & 0x10) != 0 ? BinaryPrimitives.ReadUInt32BigEndian(tfhd.Slice(at)) : trexDefaultSize;

            var trun = Mp4Box.Find(traf, "trun");
            var flags = BinaryPrimitives.ReadUInt32BigEndian(trun) & 0xffffff;
            if ((flags & 0x001) == 0)
            {
                throw new InvalidDataException("trun: no data_offset");
            }

            long dataOffset = BinaryPrimitives.ReadInt32BigEndian(trun.Slice(8));
            var field = 12 + ((flags & 0x004) != 0 ? 4 : 0) + ((flags & 0x100) != 0 ? 4 : 0);
            var size = (flags & 0x200) != 0 ? BinaryPrimitives.ReadUInt32BigEndian(trun.Slice(field)) : defaultSize;
            return dataOffset + size;
        }

        private static long? TfhdDefaultDuration(ReadOnlySpan<byte> tfhd)
        {
            var flags = BinaryPrimitives.ReadUInt32BigEndian(tfhd) & 0xffffff;
            var at = 8; // version/flags, track_ID
            if ((flags & 0x01) != 0) at += 8; // base_data_offset
            if ((flags & 0x02) != 0) at += 4; // sample_description_index
            return (flags & 0x08) != 0 ? BinaryPrimitives.ReadUInt32BigEndian(tfhd.Slice(at)) : null;
        }

        // ISO/IEC 14496-12, 8.8.8: per-sample fields are present according to the flags.
        private static long TrunDuration(ReadOnlySpan<byte> trun, long defaultDuration)
        {
            var flags = BinaryPrimitives.ReadUInt32BigEndian(trun) & 0xffffff;
            var count = BinaryPrimitives.ReadUInt32BigEndian(trun.Slice(4));
            var at = 8;
            if ((flags & 0x001) != 0) at += 4; // data_offset
            if ((flags & 0x004) != 0) at += 4; // first_sample_flags
            if ((flags & 0x100) == 0)
            {
                return count * defaultDuration;
            }

            var stride = 4 * (1 + ((flags & 0x200) != 0 ? 1 : 0) + ((flags & 0x400) != 0 ? 1 : 0) + ((flags & 0x800) != 0 ? 1 : 0));
            if ((long)count * stride > trun.Length - at)
            {
                throw new InvalidDataException("trun: more samples than the box holds");
            }

            long total = 0;
            for (var i = 0; i < count; i++, at += stride)
            {
                total += BinaryPrimitives.ReadUInt32BigEndian(trun.Slice(at));
            }

            return total;
        }
    }
}
