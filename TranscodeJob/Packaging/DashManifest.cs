using System.Globalization;
using System.Text;
using System.Xml;

namespace Transcoder.TranscodeJob.Packaging;

/// <summary>
/// A static DASH MPD (ISO/IEC 23009-1) over the same single-file CMAF tracks as the HLS playlists: each
/// Representation names its file as BaseURL and lists its fragments as byte ranges (SegmentList), so no second
/// copy of the media and no sidx are needed. Audio is its own AdaptationSet: dash.js and Shaka do not play
/// multiplexed representations. Each video codec is its own AdaptationSet too (a player switches between the
/// representations of one set, and one set holds one codec): H.264 first as id 0, audio 1, then AV1, preferred by
/// <c>@selectionPriority</c> where a player decodes it.
/// </summary>
internal static class DashManifest
{
    private const string Namespace = "urn:mpeg:dash:schema:mpd:2011";

    // The "full" profile: SegmentList with byte ranges is not part of the on-demand profile (which wants sidx).
    private const string Profile = "urn:mpeg:dash:profile:full:2011";

    public static string Write(IReadOnlyList<IndexedTrack> videos, IndexedTrack? audio)
    {
        var duration = videos.Max(v => v.Index.DurationSeconds);
        var minBuffer = DashBandwidth.MinBufferSeconds(videos.Concat(audio is null ? [] : [audio]).Select(t => t.Index));
        // To bytes, not a StringWriter: the declaration must say UTF-8, which is what the file is written in.
        using var bytes = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(bytes, settings))
        {
            xml.WriteStartElement("MPD", Namespace);
            xml.WriteAttributeString("profiles", Profile);
            xml.WriteAttributeString("type", "static");
            xml.WriteAttributeString("mediaPresentationDuration", IsoDuration(duration));
            xml.WriteAttributeString("minBufferTime", IsoDuration(minBuffer));
            xml.WriteStartElement("Period", Namespace);
            xml.WriteAttributeString("id", "0");
            xml.WriteAttributeString("start", "PT0S");

            var codecs = IndexedTrack.ByCodec(videos);
            var h264 = codecs.Single(c => c.First().IsH264);
            WriteVideoSet(xml, "0", [.. h264], minBuffer, preferred: false);
            if (audio is not null)
            {
                WriteAudioSet(xml, audio, minBuffer);
            }

            foreach (var (codec, number) in codecs.Where(c => c != h264).Select((c, i) => (c, i)))
            {
                WriteVideoSet(xml, Number(2 + number), [.. codec], minBuffer, preferred: true);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }

    // ISO/IEC 23009-1, 5.3.3.2: a higher @selectionPriority is preferred (1 when absent).
    private static void WriteVideoSet(XmlWriter xml, string id, IReadOnlyList<IndexedTrack> videos, double minBuffer, bool preferred)
    {
        StartAdaptationSet(xml, id, "video");
        if (preferred)
        {
            xml.WriteAttributeString("selectionPriority", "2");
        }

        xml.WriteAttributeString("maxWidth", Number(videos.Max(v => v.Track.Width)));
        xml.WriteAttributeString("maxHeight", Number(videos.Max(v => v.Track.Height)));
        if (videos[0].Track.FrameRate is { IsPositive: true } rate)
        {
            xml.WriteAttributeString("frameRate", rate.ToString());
        }

        foreach (var video in videos)
        {
            xml.WriteStartElement("Representation", Namespace);
            xml.WriteAttributeString("id", video.Track.Name);
            xml.WriteAttributeString("bandwidth", Number(DashBandwidth.Of(video.Index.Segments, minBuffer)));
            xml.WriteAttributeString("codecs", video.Index.Codec);
            xml.WriteAttributeString("width", Number(video.Track.Width));
            xml.WriteAttributeString("height", Number(video.Track.Height));
            xml.WriteAttributeString("sar", "1:1");
            WriteMedia(xml, video);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteAudioSet(XmlWriter xml, IndexedTrack audio, double minBuffer)
    {
        StartAdaptationSet(xml, "1", "audio");
        if (audio.Track.Language is { Length: > 0 } language && language != "und")
        {
            xml.WriteAttributeString("lang", language);
        }

        xml.WriteStartElement("Representation", Namespace);
        xml.WriteAttributeString("id", audio.Track.Name);
        xml.WriteAttributeString("bandwidth", Number(DashBandwidth.Of(audio.Index.Segments, minBuffer)));
        xml.WriteAttributeString("codecs", audio.Index.Codec);
        xml.WriteAttributeString("audioSamplingRate", Number(audio.Index.Timescale));
        xml.WriteStartElement("AudioChannelConfiguration", Namespace);
        xml.WriteAttributeString("schemeIdUri", "urn:mpeg:dash:23003:3:audio_channel_configuration:2011");
        xml.WriteAttributeString("value", "2");
        xml.WriteEndElement();
        WriteMedia(xml, audio);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    // Every fragment starts with a keyframe (SAP type 1) and fragments line up across representations.
    private static void StartAdaptationSet(XmlWriter xml, string id, string contentType)
    {
        xml.WriteStartElement("AdaptationSet", Namespace);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("contentType", contentType);
        xml.WriteAttributeString("mimeType", $"{contentType}/mp4");
        xml.WriteAttributeString("segmentAlignment", "true");
        xml.WriteAttributeString("startWithSAP", "1");
    }

    private static void WriteMedia(XmlWriter xml, IndexedTrack track)
    {
        var index = track.Index;
        xml.WriteElementString("BaseURL", Namespace, track.Track.FileName);
        xml.WriteStartElement("SegmentList", Namespace);
        xml.WriteAttributeString("timescale", Number(index.Timescale));
        xml.WriteAttributeString("presentationTimeOffset", Number(index.Fragments[0].Start));
        xml.WriteStartElement("Initialization", Namespace);
        xml.WriteAttributeString("range", Range(0, index.InitLength));
        xml.WriteEndElement();
        xml.WriteStartElement("SegmentTimeline", Namespace);
        foreach (var fragment in index.Fragments)
        {
            xml.WriteStartElement("S", Namespace);
            xml.WriteAttributeString("t", Number(fragment.Start));
            xml.WriteAttributeString("d", Number(fragment.Duration));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        foreach (var fragment in index.Fragments)
        {
            xml.WriteStartElement("SegmentURL", Namespace);
            xml.WriteAttributeString("mediaRange", Range(fragment.Offset, fragment.Length));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    // Byte ranges in DASH are inclusive: first-last.
    private static string Range(long offset, long length) => string.Create(CultureInfo.InvariantCulture, $"{offset}-{offset + length - 1}");

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string IsoDuration(double seconds) => string.Create(CultureInfo.InvariantCulture, $"PT{seconds:0.###}S");
}
