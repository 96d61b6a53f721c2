using System.Globalization;
using System.Text;
using System.Xml;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Packaging;

/// <summary>
/// A static DASH MPD (ISO/IEC 23009-1) over the same single-file CMAF tracks as the HLS playlists: each
/// Representation names its file as BaseURL and lists its fragments as byte ranges (SegmentList), so no second
/// copy of the media and no sidx are needed. Each audio track is its own AdaptationSet: dash.js and Shaka do not
/// play multiplexed representations. Each video codec is its own AdaptationSet too (a player switches between the
/// representations of one set, and one set holds one codec): H.264 first as id 0, the audio tracks 1, 2, …, then AV1,
/// preferred by <c>@selectionPriority</c> where a player decodes it.
/// </summary>
internal static class DashManifest
{
    private const string Namespace = "urn:mpeg:dash:schema:mpd:2011";

    // The "full" profile: SegmentList with byte ranges is not part of the on-demand profile (which wants sidx).
    private const string Profile = "urn:mpeg:dash:profile:full:2011";

    /// <param name="videos">The video renditions, best first; none for an audio-only source.</param>
    /// <param name="audio">The audio renditions, each its own AdaptationSet, in the order given.</param>
    public static string Write(IReadOnlyList<IndexedTrack> videos, IReadOnlyList<IndexedTrack> audio)
    {
        var duration = (videos.Count > 0 ? videos : audio).Max(t => t.Index.DurationSeconds);
        var minBuffer = DashBandwidth.MinBufferSeconds(videos.Concat(audio).Select(t => t.Index));
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

            // AdaptationSet ids: 0 the H.264 video's, then one per audio track (1, 2, …), whether or not there is video,
            // then the other video codecs'.
            var codecs = IndexedTrack.ByCodec(videos);
            var h264 = codecs.SingleOrDefault(c => c.First().IsH264);
            if (h264 is not null)
            {
                WriteVideoSet(xml, 0, [.. h264], minBuffer, preferred: false);
            }

            for (var i = 0; i < audio.Count; i++)
            {
                WriteAudioSet(xml, 1 + i, audio[i], minBuffer);
            }

            foreach (var (codec, number) in codecs.Where(c => c != h264).Select((c, i) => (c, i)))
            {
                WriteVideoSet(xml, 1 + audio.Count + number, [.. codec], minBuffer, preferred: true);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }

    // ISO/IEC 23009-1, 5.3.3.2: a higher @selectionPriority is preferred (1 when absent).
    private static void WriteVideoSet(XmlWriter xml, int id, IReadOnlyList<IndexedTrack> videos, double minBuffer, bool preferred)
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

    /// <summary>
    /// One audio rendition as its own AdaptationSet: a language (or a role within it) is a choice for the viewer, not a
    /// quality to switch between, so no two tracks share a set. <c>lang</c> and a <c>Label</c> for the menu; the
    /// <c>Role</c> (main, alternate, description, commentary) from <c>urn:mpeg:dash:role:2011</c>; audio description
    /// also with the <c>Accessibility</c> descriptor DVB-DASH and DASH-IF use (AudioPurposeCS 1, for the visually
    /// impaired); the default track with a higher <c>selectionPriority</c>, so a player starts with it.
    /// </summary>
    private static void WriteAudioSet(XmlWriter xml, int id, IndexedTrack audio, double minBuffer)
    {
        var facts = audio.Track.Audio ?? throw new ArgumentException($"{audio.Track.Name} is not an audio track", nameof(audio));
        StartAdaptationSet(xml, id, "audio");
        if (facts.Language is { } language)
        {
            xml.WriteAttributeString("lang", language);
        }

        if (facts.IsDefault)
        {
            xml.WriteAttributeString("selectionPriority", "2");
        }

        xml.WriteElementString("Label", Namespace, facts.Label);
        if (facts.Role == AudioRole.Description)
        {
            WriteDescriptor(xml, "Accessibility", "urn:tva:metadata:cs:AudioPurposeCS:2007", "1");
        }

        WriteDescriptor(xml, "Role", "urn:mpeg:dash:role:2011", facts.RoleName);
        xml.WriteStartElement("Representation", Namespace);
        xml.WriteAttributeString("id", audio.Track.Name);
        xml.WriteAttributeString("bandwidth", Number(DashBandwidth.Of(audio.Index.Segments, minBuffer)));
        xml.WriteAttributeString("codecs", audio.Index.Codec);
        xml.WriteAttributeString("audioSamplingRate", Number(audio.Index.Timescale));
        WriteDescriptor(xml, "AudioChannelConfiguration", "urn:mpeg:dash:23003:3:audio_channel_configuration:2011", Number(facts.Channels));
        WriteMedia(xml, audio);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteDescriptor(XmlWriter xml, string element, string scheme, string value)
    {
        xml.WriteStartElement(element, Namespace);
        xml.WriteAttributeString("schemeIdUri", scheme);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }

    // Every fragment starts with a keyframe (SAP type 1) and fragments line up across representations.
    private static void StartAdaptationSet(XmlWriter xml, int id, string contentType)
    {
        xml.WriteStartElement("AdaptationSet", Namespace);
        xml.WriteAttributeString("id", Number(id));
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
