using Transcoder.Shared.Captions;

namespace Transcoder.Shared.Tests.Captions;

public sealed class CaptionFileNameTests
{
    [TestCase("uploads/clip.en.vtt", "uploads/clip", "en", false, false, CaptionFormat.WebVtt)]
    [TestCase("uploads/clip.fr.srt", "uploads/clip", "fr", false, false, CaptionFormat.SubRip)]
    [TestCase("uploads/clip.FR.SRT", "uploads/clip", "fr", false, false, CaptionFormat.SubRip)]
    [TestCase("a/b/My Film.pt-br.forced.vtt", "a/b/My Film", "pt-BR", true, false, CaptionFormat.WebVtt)]
    [TestCase("clip.en.sdh.forced.vtt", "clip", "en", true, true, CaptionFormat.WebVtt)]
    [TestCase("clip.mp4.eng.vtt", "clip.mp4", "en", false, false, CaptionFormat.WebVtt)]
    [TestCase("/home/me/clip.de.SDH.srt", "/home/me/clip", "de", false, true, CaptionFormat.SubRip)]
    public void TryParse_NamedByTheRule_VideoLanguageFlagsFormat(string key, string video, string language, bool forced, bool sdh, CaptionFormat format)
    {
        // Act
        var name = CaptionFileName.TryParse(key);

        // Assert
        Assert.That(name, Is.EqualTo(new CaptionFileName(video, language, forced, sdh, format)));
    }

    [TestCase("uploads/clip.vtt")]
    [TestCase("uploads/notes.final.vtt")]
    [TestCase("uploads/.en.vtt")]
    [TestCase("uploads/clip.sdh.vtt")]
    [TestCase("uploads/clip.en.mp4")]
    [TestCase("uploads/clip.en.vtt.txt")]
    public void TryParse_NotByTheRule_Null(string key)
    {
        // Act / Assert
        Assert.That(CaptionFileName.TryParse(key), Is.Null);
    }

    [Test]
    public void For_VideoKey_TheRulesNameWhichParsesBack()
    {
        // Act
        var key = CaptionFileName.For("uploads/a.b/clip.mov", "FRE", forced: true, hearingImpaired: false, CaptionFormat.SubRip);

        // Assert
        Assert.That(key, Is.EqualTo("uploads/a.b/clip.fr.forced.srt"));
        Assert.That(CaptionFileName.TryParse(key)!.IsBeside("uploads/a.b/clip.mov"), Is.True);
        Assert.That(CaptionFileName.TryParse(key)!.IsBeside("uploads/a.b/clip2.mov"), Is.False);
    }

    [Test]
    public void VideoCandidates_StemOrFullName_EveryVideoSuffixInBothCases()
    {
        // Arrange
        string[] suffixes = [".mp4", ".mov"];

        // Act
        var stem = CaptionFileName.TryParse("up/clip.en.vtt")!.VideoCandidates(suffixes);
        var full = CaptionFileName.TryParse("up/clip.mov.en.vtt")!.VideoCandidates(suffixes);

        // Assert
        Assert.That(stem, Is.EqualTo(new[] { "up/clip.mp4", "up/clip.mov", "up/clip.MP4", "up/clip.MOV" }));
        Assert.That(full[0], Is.EqualTo("up/clip.mov"), "the exact name first");
    }

    [Test]
    public void TrackId_LanguageAndFlags_ParsesBack()
    {
        // Arrange
        var name = CaptionFileName.TryParse("clip.pt-BR.forced.sdh.vtt")!;

        // Act / Assert
        Assert.That(name.TrackId, Is.EqualTo("caption-pt-br-forced-sdh"));
        Assert.That(CaptionFileName.ParseTrackId(name.TrackId), Is.EqualTo(("pt-BR", true, true)));
        Assert.That(CaptionFileName.ParseTrackId("subtitles-2"), Is.Null);
        Assert.That(CaptionFileName.PrefixBeside("up/clip.mp4"), Is.EqualTo("up/clip."));
    }
}
