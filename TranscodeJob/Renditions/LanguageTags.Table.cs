namespace Transcoder.TranscodeJob.Renditions;

internal static partial class LanguageTags
{
    // ISO 639-1 code, ISO 639-2/T code, ISO 639-2/B code where it differs (else -), English name: every language
    // with a two-letter code, which BCP 47 prefers to the three-letter ones (RFC 5646, 2.2.1). From the ISO 639-2
    // registry.
    private const string Table =
        "aa aar - Afar\n" +
        "ab abk - Abkhazian\n" +
        "af afr - Afrikaans\n" +
        "ak aka - Akan\n" +
        "am amh - Amharic\n" +
        "ar ara - Arabic\n" +
        "an arg - Aragonese\n" +
        "as asm - Assamese\n" +
        "av ava - Avaric\n" +
        "ae ave - Avestan\n" +
        "ay aym - Aymara\n" +
        "az aze - Azerbaijani\n" +
        "ba bak - Bashkir\n" +
        "bm bam - Bambara\n" +
        "be bel - Belarusian\n" +
        "bn ben - Bengali\n" +
        "bh bih - Bihari languages\n" +
        "bi bis - Bislama\n" +
        "bo bod tib Tibetan\n" +
        "bs bos - Bosnian\n" +
        "br bre - Breton\n" +
        "bg bul - Bulgarian\n" +
        "ca cat - Catalan\n" +
        "cs ces cze Czech\n" +
        "ch cha - Chamorro\n" +
        "ce che - Chechen\n" +
        "cu chu - Church Slavic\n" +
        "cv chv - Chuvash\n" +
        "kw cor - Cornish\n" +
        "co cos - Corsican\n" +
        "cr cre - Cree\n" +
        "cy cym wel Welsh\n" +
        "da dan - Danish\n" +
        "de deu ger German\n" +
        "dv div - Divehi\n" +
        "dz dzo - Dzongkha\n" +
        "el ell gre Modern Greek\n" +
        "en eng - English\n" +
        "eo epo - Esperanto\n" +
        "et est - Estonian\n" +
        "eu eus baq Basque\n" +
        "ee ewe - Ewe\n" +
        "fo fao - Faroese\n" +
        "fa fas per Persian\n" +
        "fj fij - Fijian\n" +
        "fi fin - Finnish\n" +
        "fr fra fre French\n" +
        "fy fry - Western Frisian\n" +
        "ff ful - Fulah\n" +
        "gd gla - Gaelic\n" +
        "ga gle - Irish\n" +
        "gl glg - Galician\n" +
        "gv glv - Manx\n" +
        "gn grn - Guarani\n" +
        "gu guj - Gujarati\n" +
        "ht hat - Haitian\n" +
        "ha hau - Hausa\n" +
        "he heb - Hebrew\n" +
        "hz her - Herero\n" +
        "hi hin - Hindi\n" +
        "ho hmo - Hiri Motu\n" +
        "hr hrv - Croatian\n" +
        "hu hun - Hungarian\n" +
        "hy hye arm Armenian\n" +
        "ig ibo - Igbo\n" +
        "io ido - Ido\n" +
        "ii iii - Sichuan Yi\n" +
        "iu iku - Inuktitut\n" +
        "ie ile - Interlingue\n" +
        "ia ina - Interlingua\n" +
        "id ind - Indonesian\n" +
        "ik ipk - Inupiaq\n" +
        "is isl ice Icelandic\n" +
        "it ita - Italian\n" +
        "jv jav - Javanese\n" +
        "ja jpn - Japanese\n" +
        "kl kal - Kalaallisut\n" +
        "kn kan - Kannada\n" +
        "ks kas - Kashmiri\n" +
        "ka kat geo Georgian\n" +
        "kr kau - Kanuri\n" +
        "kk kaz - Kazakh\n" +
        "km khm - Central Khmer\n" +
        "ki kik - Kikuyu\n" +
        "rw kin - Kinyarwanda\n" +
        "ky kir - Kirghiz\n" +
        "kv kom - Komi\n" +
        "kg kon - Kongo\n" +
        "ko kor - Korean\n" +
        "kj kua - Kuanyama\n" +
        "ku kur - Kurdish\n" +
        "lo lao - Lao\n" +
        "la lat - Latin\n" +
        "lv lav - Latvian\n" +
        "li lim - Limburgan\n" +
        "ln lin - Lingala\n" +
        "lt lit - Lithuanian\n" +
        "lb ltz - Luxembourgish\n" +
        "lu lub - Luba-Katanga\n" +
        "lg lug - Ganda\n" +
        "mh mah - Marshallese\n" +
        "ml mal - Malayalam\n" +
        "mr mar - Marathi\n" +
        "mk mkd mac Macedonian\n" +
        "mg mlg - Malagasy\n" +
        "mt mlt - Maltese\n" +
        "mn mon - Mongolian\n" +
        "mi mri mao Maori\n" +
        "ms msa may Malay\n" +
        "my mya bur Burmese\n" +
        "na nau - Nauru\n" +
        "nv nav - Navajo\n" +
        "nr nbl - South Ndebele\n" +
        "nd nde - North Ndebele\n" +
        "ng ndo - Ndonga\n" +
        "ne nep - Nepali\n" +
        "nl nld dut Dutch\n" +
        "nn nno - Norwegian Nynorsk\n" +
        "nb nob - Norwegian Bokmål\n" +
        "no nor - Norwegian\n" +
        "ny nya - Chichewa\n" +
        "oc oci - Occitan\n" +
        "oj oji - Ojibwa\n" +
        "or ori - Oriya\n" +
        "om orm - Oromo\n" +
        "os oss - Ossetian\n" +
        "pa pan - Panjabi\n" +
        "pi pli - Pali\n" +
        "pl pol - Polish\n" +
        "pt por - Portuguese\n" +
        "ps pus - Pushto\n" +
        "qu que - Quechua\n" +
        "rm roh - Romansh\n" +
        "ro ron rum Romanian\n" +
        "rn run - Rundi\n" +
        "ru rus - Russian\n" +
        "sg sag - Sango\n" +
        "sa san - Sanskrit\n" +
        "si sin - Sinhala\n" +
        "sk slk slo Slovak\n" +
        "sl slv - Slovenian\n" +
        "se sme - Northern Sami\n" +
        "sm smo - Samoan\n" +
        "sn sna - Shona\n" +
        "sd snd - Sindhi\n" +
        "so som - Somali\n" +
        "st sot - Southern Sotho\n" +
        "es spa - Spanish\n" +
        "sq sqi alb Albanian\n" +
        "sc srd - Sardinian\n" +
        "sr srp - Serbian\n" +
        "ss ssw - Swati\n" +
        "su sun - Sundanese\n" +
        "sw swa - Swahili\n" +
        "sv swe - Swedish\n" +
        "ty tah - Tahitian\n" +
        "ta tam - Tamil\n" +
        "tt tat - Tatar\n" +
        "te tel - Telugu\n" +
        "tg tgk - Tajik\n" +
        "tl tgl - Tagalog\n" +
        "th tha - Thai\n" +
        "ti tir - Tigrinya\n" +
        "to ton - Tonga\n" +
        "tn tsn - Tswana\n" +
        "ts tso - Tsonga\n" +
        "tk tuk - Turkmen\n" +
        "tr tur - Turkish\n" +
        "tw twi - Twi\n" +
        "ug uig - Uighur\n" +
        "uk ukr - Ukrainian\n" +
        "ur urd - Urdu\n" +
        "uz uzb - Uzbek\n" +
        "ve ven - Venda\n" +
        "vi vie - Vietnamese\n" +
        "vo vol - Volapük\n" +
        "wa wln - Walloon\n" +
        "wo wol - Wolof\n" +
        "xh xho - Xhosa\n" +
        "yi yid - Yiddish\n" +
        "yo yor - Yoruba\n" +
        "za zha - Zhuang\n" +
        "zh zho chi Chinese\n" +
        "zu zul - Zulu";
}
