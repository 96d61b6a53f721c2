namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>
/// Puts CEA-608 captions into an H.264 elementary stream, as broadcast encoders do: one SEI message per picture
/// (user_data_registered_itu_t_t35, ATSC A/53 Part 4: country 0xB5, provider 0x0031, "GA94", cc_data), carrying one
/// byte pair of field 1 (channel CC1). ffmpeg 5.1 decodes such captions but cannot write them from text, so the
/// pop-on captions are coded here by hand: resume caption loading, erase the hidden memory, a preamble address
/// (row 15), the text, end of caption (the text shows from that picture), and erase displayed memory later (it goes).
/// The stream must be coded without B-frames and with access unit delimiters, one per picture.
/// </summary>
internal static class Cea608Sei
{
    private static readonly byte[] StartCode = [0, 0, 0, 1];

    /// <summary>Inserts the captions' SEI after each access unit delimiter of <paramref name="annexB"/>.</summary>
    /// <param name="captions">Pop-on captions: the text (CC1 characters, upper case), the picture it shows from, the picture it goes at.</param>
    public static byte[] Insert(byte[] annexB, IReadOnlyList<(string Text, int Shown, int Cleared)> captions)
    {
        var pairs = Schedule(captions);
        var output = new List<byte>(annexB.Length + annexB.Length / 10);
        var picture = 0;
        for (var at = 0; at < annexB.Length;)
        {
            var next = IndexOfDelimiter(annexB, at + 1);
            var unit = annexB.AsSpan(at, (next < 0 ? annexB.Length : next) - at);
            if (unit.Length > 5 && unit[..5].SequenceEqual((byte[])[0, 0, 0, 1, 9]))
            {
                // The delimiter: its start code, NAL header and one byte of primary_pic_type, then the SEI.
                output.AddRange(unit[..6].ToArray());
                output.AddRange(SeiNal(pairs.GetValueOrDefault(picture++, ((byte)0, (byte)0))));
                output.AddRange(unit[6..].ToArray());
            }
            else
            {
                output.AddRange(unit.ToArray());
            }

            at = next < 0 ? annexB.Length : next;
        }

        return [.. output];
    }

    private static Dictionary<int, (byte, byte)> Schedule(IReadOnlyList<(string Text, int Shown, int Cleared)> captions)
    {
        var pairs = new Dictionary<int, (byte, byte)>();
        foreach (var (text, shown, cleared) in captions)
        {
            var characters = text.Select(c => (byte)c).ToList();
            if (characters.Count % 2 == 1)
            {
                characters.Add(0);
            }

            // RCL, ENM, PAC row 15 column 0, the text two characters a picture, EOC on the picture it shows from.
            List<(byte, byte)> sequence = [(0x14, 0x20), (0x14, 0x2E), (0x14, 0x60)];
            for (var i = 0; i < characters.Count; i += 2)
            {
                sequence.Add((characters[i], characters[i + 1]));
            }

            sequence.Add((0x14, 0x2F));
            for (var i = 0; i < sequence.Count; i++)
            {
                pairs[shown - sequence.Count + 1 + i] = sequence[i];
            }

            pairs[cleared] = (0x14, 0x2C);
        }

        return pairs;
    }

    private static byte[] SeiNal((byte First, byte Second) pair)
    {
        // cc_data: process_cc_data_flag, cc_count 1, em_data, one field-1 pair (0xFC), the marker byte.
        byte[] payload = [0xB5, 0x00, 0x31, (byte)'G', (byte)'A', (byte)'9', (byte)'4', 0x03, 0xC1, 0xFF, 0xFC, Parity(pair.First), Parity(pair.Second), 0xFF];
        byte[] sei = [0x04, (byte)payload.Length, .. payload, 0x80];
        return [.. StartCode, 0x06, .. EmulationPrevented(sei)];
    }

    // CEA-608 bytes carry odd parity in their top bit; a zero byte is the padding 0x80.
    private static byte Parity(byte value)
    {
        var bits = System.Numerics.BitOperations.PopCount((uint)(value & 0x7F));
        return (byte)((value & 0x7F) | (bits % 2 == 0 ? 0x80 : 0));
    }

    private static List<byte> EmulationPrevented(byte[] rbsp)
    {
        var output = new List<byte>(rbsp.Length + 4);
        var zeros = 0;
        foreach (var b in rbsp)
        {
            if (zeros >= 2 && b <= 3)
            {
                output.Add(3);
                zeros = 0;
            }

            output.Add(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }

        return output;
    }

    private static int IndexOfDelimiter(byte[] data, int from)
    {
        for (var i = from; i + 4 < data.Length; i++)
        {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 0 && data[i + 3] == 1 && (data[i + 4] & 0x1F) == 9)
            {
                return i;
            }
        }

        return -1;
    }
}
