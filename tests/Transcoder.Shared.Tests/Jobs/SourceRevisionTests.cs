using Transcoder.Shared.Jobs;

namespace Transcoder.Shared.Tests.Jobs;

public sealed class SourceRevisionTests
{
    [TestCase("v1", "\"e1\"", "s1", "version:v1")]
    [TestCase(null, "\"e1\"", "s1", "etag:e1")]
    [TestCase("null", "e1", null, "etag:e1")]
    [TestCase("", "", "s1", "sequencer:s1")]
    public void Of_WhatIsKnown_VersionElseETagElseSequencer(string? versionId, string? eTag, string? sequencer, string expected)
    {
        // Act / Assert
        Assert.That(SourceRevision.Of(versionId, eTag, sequencer)?.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Of_NothingKnown_IsNull()
    {
        // Act / Assert
        Assert.That(SourceRevision.Of(null, " ", null), Is.Null);
    }

    [TestCase("version:abc.DEF_1")]
    [TestCase("etag:9b2cf535f27731c974343645a3985328-3")]
    [TestCase("sequencer:0055AED6DCD90281E5")]
    [TestCase("file:1024@638000000000000000")]
    [TestCase("typed by hand")]
    public void Parse_ItsOwnForm_RoundTrips(string text)
    {
        // Act / Assert
        Assert.That(SourceRevision.Parse(text).ToString(), Is.EqualTo(text));
    }

    [TestCase("version:a", "version:b", true)]
    [TestCase("version:a", "version:a", false)]
    [TestCase("etag:a", "etag:b", true)]
    [TestCase("etag:a", "version:b", false)]
    [TestCase("sequencer:1", "etag:b", false)]
    [TestCase("by hand", "etag:b", false)]
    public void IsSupersededBy_CurrentObject_OnlyWhenComparableAndDifferent(string asked, string current, bool superseded)
    {
        // Act / Assert: a later upload is noticed; what cannot be compared never stops a job.
        Assert.That(SourceRevision.Parse(asked).IsSupersededBy(SourceRevision.Parse(current)), Is.EqualTo(superseded));
    }
}
