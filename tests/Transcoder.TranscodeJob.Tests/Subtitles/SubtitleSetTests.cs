using Transcoder.TranscodeJob.Subtitles;

namespace Transcoder.TranscodeJob.Tests.Subtitles;

public sealed class SubtitleSetTests
{
    private static SubtitleRendition Track(string id, string? language, string name, bool forced = false) => new(id, language, name, forced, false, false, 1);

    [Test]
    public void Arrange_SameNames_MadeUniqueInOrder()
    {
        // Act
        var arranged = SubtitleSet.Arrange([Track("a", "fr", "French"), Track("b", "fr", "French"), Track("c", "fr", "french")], null);

        // Assert
        Assert.That(arranged.Select(t => t.Name), Is.EqualTo(new[] { "French", "French 2", "french 3" }));
    }

    [Test]
    public void Arrange_ForcedTracks_OnlyTheFirstInTheMainAudiosLanguageIsDefault()
    {
        // Act: the main audio is tagged "eng", as containers write it.
        var arranged = SubtitleSet.Arrange(
            [Track("a", "en", "English"), Track("b", "fr", "French (forced)", forced: true), Track("c", "en", "English (forced)", forced: true), Track("d", "en", "Signs", forced: true)],
            "eng");

        // Assert
        Assert.That(arranged.Select(t => t.IsDefault), Is.EqualTo(new[] { false, false, true, false }));
        Assert.That(SubtitleSet.Arrange([Track("a", "en", "English (forced)", forced: true)], null).Single().IsDefault, Is.False, "no audio language, no default");
    }

    [TestCase(null, "fre", false, false, false, "French")]
    [TestCase(null, "en", true, false, false, "English (forced)")]
    [TestCase(null, "en", false, true, false, "English (SDH)")]
    [TestCase(null, "en", false, true, true, "English (CC)")]
    [TestCase(null, null, false, true, true, "Closed captions")]
    [TestCase(null, null, false, false, false, "Subtitles")]
    [TestCase("  Commentary \"Director\"\n", "en", false, false, false, "Commentary 'Director'")]
    public void NameFor_TitleOrLanguage_AReadableName(string? title, string? language, bool forced, bool sdh, bool cc, string expected)
    {
        // Act / Assert
        Assert.That(SubtitleSet.NameFor(title, Shared.Captions.LanguageTag.Normalize(language), forced, sdh, cc), Is.EqualTo(expected));
    }
}
