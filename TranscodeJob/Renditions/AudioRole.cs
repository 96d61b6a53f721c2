namespace Transcoder.TranscodeJob.Renditions;

/// <summary>
/// What an audio track is for, as DASH's role scheme (<c>urn:mpeg:dash:role:2011</c>) names it: the manifest and the
/// MPD write the lower-case name.
/// </summary>
internal enum AudioRole
{
    /// <summary>The default track: what plays unless the viewer picks another.</summary>
    Main,

    /// <summary>Another track of the programme (a dubbed language).</summary>
    Alternate,

    /// <summary>Audio description: the programme with a narration of what is on screen, for viewers who cannot see it.</summary>
    Description,

    /// <summary>A commentary over the programme.</summary>
    Commentary,
}
