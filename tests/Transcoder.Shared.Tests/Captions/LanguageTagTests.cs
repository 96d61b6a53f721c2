using Transcoder.Shared.Captions;

namespace Transcoder.Shared.Tests.Captions;

public sealed class LanguageTagTests
{
    [TestCase("eng", "en")]
    [TestCase("fre", "fr")]
    [TestCase("fra", "fr")]
    [TestCase("ger", "de")]
    [TestCase("EN", "en")]
    [TestCase("pt-br", "pt-BR")]
    [TestCase("pt_BR", "pt-BR")]
    [TestCase("zh-hant-tw", "zh-Hant-TW")]
    [TestCase("es-419", "es-419")]
    [TestCase("fil", "fil")]
    [TestCase("sl-rozaj", "sl-rozaj")]
    public void Normalize_ContainerOrPersonsTag_CanonicalBcp47(string tag, string expected)
    {
        // Act / Assert
        Assert.That(LanguageTag.Normalize(tag), Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("und")]
    [TestCase("english")]
    [TestCase("e")]
    [TestCase("en-")]
    [TestCase("en US")]
    [TestCase("../x")]
    public void Normalize_NoLanguage_Null(string? tag)
    {
        // Act / Assert
        Assert.That(LanguageTag.Normalize(tag), Is.Null);
    }

    [TestCase("fre", "French")]
    [TestCase("fr-CA", "French (CA)")]
    [TestCase("nb", "Norwegian Bokmål")]
    [TestCase("gre", "Greek")]
    [TestCase("fil", "fil")]
    public void DisplayName_Tag_EnglishNameOrTheTag(string tag, string expected)
    {
        // Act / Assert
        Assert.That(LanguageTag.DisplayName(tag), Is.EqualTo(expected));
    }
}
