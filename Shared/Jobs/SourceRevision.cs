using System.Globalization;

namespace Transcoder.Shared.Jobs;

/// <summary>
/// What tells two uploads of the same source apart. The one rule for choosing it lives in <see cref="Of"/>: the
/// version id in a versioned bucket, else the ETag (the content), else the event's sequencer (the order of events for
/// one key). The dispatcher takes it from the event and passes it on; the job takes it from its HEAD request and
/// compares. It yields the job id (<see cref="InputLocation.JobIdAt"/>) and the revision part of the manifest's
/// fingerprint; the output folder deliberately does not depend on it, so a new upload replaces the old outputs.
/// </summary>
/// <param name="Kind">Which fact the value is.</param>
/// <param name="Value">The version id, the ETag without quotes, the sequencer, or a local file's size and time.</param>
public sealed record SourceRevision(SourceRevisionKind Kind, string Value)
{
    /// <summary>
    /// The revision of an S3 object from what an event or a HEAD request says; null when none of them is known.
    /// S3 writes the version id <c>null</c> for objects stored before versioning was enabled: that is no version.
    /// </summary>
    public static SourceRevision? Of(string? versionId, string? eTag, string? sequencer = null)
    {
        if (!string.IsNullOrWhiteSpace(versionId) && versionId != "null")
        {
            return new SourceRevision(SourceRevisionKind.Version, versionId.Trim());
        }

        var tag = eTag?.Trim().Trim('"');
        if (!string.IsNullOrEmpty(tag))
        {
            return new SourceRevision(SourceRevisionKind.ETag, tag);
        }

        return string.IsNullOrWhiteSpace(sequencer) ? null : new SourceRevision(SourceRevisionKind.Sequencer, sequencer.Trim());
    }

    /// <summary>The revision of a local file: its size and last write time.</summary>
    public static SourceRevision OfLocalFile(long size, DateTimeOffset lastWriteUtc) =>
        new(SourceRevisionKind.File, string.Create(CultureInfo.InvariantCulture, $"{size}@{lastWriteUtc.UtcTicks}"));

    /// <summary>
    /// Reads the form <see cref="ToString"/> writes (<c>version:…</c>, <c>etag:…</c>, <c>sequencer:…</c>,
    /// <c>file:…</c>). Text without one of these prefixes (a revision typed into a job message by hand) is kept
    /// as given: it tells jobs apart but cannot be checked against the object.
    /// </summary>
    public static SourceRevision Parse(string text)
    {
        var trimmed = text.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon < trimmed.Length - 1)
        {
            var kind = trimmed[..colon].ToLowerInvariant() switch
            {
                "version" => SourceRevisionKind.Version,
                "etag" => SourceRevisionKind.ETag,
                "sequencer" => SourceRevisionKind.Sequencer,
                "file" => SourceRevisionKind.File,
                _ => (SourceRevisionKind?)null,
            };
            if (kind is { } known)
            {
                return new SourceRevision(known, trimmed[(colon + 1)..].Trim('"'));
            }
        }

        return new SourceRevision(SourceRevisionKind.Given, trimmed.Trim('"'));
    }

    /// <summary>
    /// Whether the object now in place (as a HEAD request describes it) is a later upload than this revision: true
    /// only when the two can be compared and differ. A sequencer or a hand-given revision cannot be compared.
    /// </summary>
    public bool IsSupersededBy(SourceRevision? current) => current is not null && Kind switch
    {
        SourceRevisionKind.Version or SourceRevisionKind.ETag or SourceRevisionKind.File =>
            current.Kind == Kind && !string.Equals(current.Value, Value, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>The form carried in <c>SOURCE_REVISION</c> and job messages, e.g. <c>etag:9b2cf535f27731c974343645a3985328</c>.</summary>
    public override string ToString() => Kind == SourceRevisionKind.Given ? Value : $"{Prefix(Kind)}:{Value}";

    private static string Prefix(SourceRevisionKind kind) => kind switch
    {
        SourceRevisionKind.Version => "version",
        SourceRevisionKind.ETag => "etag",
        SourceRevisionKind.Sequencer => "sequencer",
        SourceRevisionKind.File => "file",
        _ => "given",
    };
}
