using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Renditions;

public sealed class LanguageTagsTests
{
    [TestCase("eng", "en")]
    [TestCase("fra", "fr")]
    [TestCase("fre", "fr")]
    [TestCase("ger", "de")]
    [TestCase("chi", "zh")]
    [TestCase("FR", "fr")]
    [TestCase("pt-br", "pt-BR")]
    [TestCase("por_BR", "pt-BR")]
    [TestCase("zh-hant-tw", "zh-Hant-TW")]
    [TestCase("es-419", "es-419")]
    [TestCase("yue", "yue")]
    [TestCase("zxx", "zxx")]
    [TestCase(" deu ", "de")]
    [TestCase("en-US-x!", "en-US")]
    public void ToBcp47_SourceTag_ShortestFormWithItsSubtags(string source, string expected)
    {
        // Act / Assert
        Assert.That(LanguageTags.ToBcp47(source), Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("und")]
    [TestCase("UND")]
    [TestCase("English")]
    [TestCase("e")]
    [TestCase("12")]
    [TestCase("\"en")]
    public void ToBcp47_NoLanguage_Null(string? source)
    {
        // Act / Assert
        Assert.That(LanguageTags.ToBcp47(source), Is.Null);
    }

    [TestCase("en", "English")]
    [TestCase("fr-CA", "French")]
    [TestCase("nb", "Norwegian Bokmål")]
    [TestCase("el", "Modern Greek")]
    [TestCase("yue", null)]
    [TestCase(null, null)]
    public void EnglishName_Tag_TheLanguagesName(string? tag, string? expected)
    {
        // Act / Assert
        Assert.That(LanguageTags.EnglishName(tag), Is.EqualTo(expected));
    }
}
