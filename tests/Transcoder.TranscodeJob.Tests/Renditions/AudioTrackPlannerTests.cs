using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Renditions;

public sealed class AudioTrackPlannerTests
{
    private static AudioStreamInfo Stream(int index, string? language, bool isDefault = false, int channels = 2) =>
        new(index, "aac", channels, 48000, language, isDefault);

    // A source with these audio streams, each with the given number of packets (100 when not given).
    private static SourceMedia Source(IReadOnlyList<AudioStreamInfo> audio, IReadOnlyDictionary<int, long>? packets = null) =>
        TestMedia.Source(1280, 720, audio: audio) with
        {
            Packets = new PacketScan(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(9.96), 300, (TimeSpan.Zero, TimeSpan.Zero), [])
            {
                PacketsByStream = packets ?? audio.ToDictionary(a => a.Index, _ => 100L),
            },
        };

    [Test]
    public void Plan_OneTrack_TheSingleAudioRenditionAsBefore()
    {
        // Act
        var audio = AudioTrackPlanner.Plan(Source([Stream(1, "und", isDefault: true)]), 128);

        // Assert
        var only = audio.Kept.Single();
        Assert.That((only.Name, only.FileName, only.Kbps), Is.EqualTo(("audio", "audio.cmfa", 128)));
        Assert.That(only.Facts, Is.EqualTo(new AudioFacts(null, "Audio", AudioRole.Main, true, 2)));
        Assert.That(only.Duration, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(audio.Skipped, Is.Empty);
    }

    [Test]
    public void Plan_ThreeLanguagesAndADescription_EachItsOwnRenditionNamedByLanguageAndRole()
    {
        // Arrange: French marked default, English 5.1, German, and English audio description.
        AudioStreamInfo[] streams =
        [
            Stream(1, "eng", channels: 6), Stream(2, "fre", isDefault: true), Stream(3, "ger"),
            Stream(4, "eng", channels: 1) with { DescribesVideo = true },
        ];

        // Act
        var audio = AudioTrackPlanner.Plan(Source(streams), 128);

        // Assert
        Assert.That(audio.Kept.Select(a => (a.Name, a.Track.Index)), Is.EqualTo(new[] { ("audio-en-1", 1), ("audio-fr-2", 2), ("audio-de-3", 3), ("audio-en-4", 4) }));
        Assert.That(audio.Kept.Select(a => a.Facts), Is.EqualTo(new[]
        {
            new AudioFacts("en", "English", AudioRole.Alternate, false, 2),
            new AudioFacts("fr", "French", AudioRole.Main, true, 2),
            new AudioFacts("de", "German", AudioRole.Alternate, false, 2),
            new AudioFacts("en", "English (audio description)", AudioRole.Description, false, 1),
        }));
        Assert.That(audio.Default!.Track.Index, Is.EqualTo(2), "the source's default track");
    }

    [Test]
    public void Plan_NoDefaultMarked_TheFirstIsTheDefault()
    {
        // Act
        var audio = AudioTrackPlanner.Plan(Source([Stream(1, "spa"), Stream(2, "ita")]), 128);

        // Assert
        Assert.That(audio.Kept.Select(a => a.Facts.IsDefault), Is.EqualTo(new[] { true, false }));
        Assert.That(audio.Kept[0].Facts.Role, Is.EqualTo(AudioRole.Main));
    }

    [Test]
    public void Plan_EmptyStream_SkippedWithTheReason()
    {
        // Act
        var audio = AudioTrackPlanner.Plan(Source([Stream(1, "eng"), Stream(2, "fra")], new Dictionary<int, long> { [1] = 70 }), 128);

        // Assert
        Assert.That(audio.Kept.Single().Name, Is.EqualTo("audio"), "the one track left keeps the single track's name");
        Assert.That(audio.Skipped, Is.EqualTo(new[] { new SkippedAudio(2, "empty: the stream has no packets") }));
    }

    [Test]
    public void Plan_SameLanguageKindAndTitle_TheDefaultOneKeptTheOtherADuplicate()
    {
        // Arrange: English 5.1 first, English stereo marked default; a commentary and a French track tell themselves apart.
        AudioStreamInfo[] streams =
        [
            Stream(1, "eng", channels: 6), Stream(2, "eng", isDefault: true), Stream(3, "eng") with { IsCommentary = true },
            Stream(4, "eng") with { Title = "Director" }, Stream(5, "fra"),
        ];

        // Act
        var audio = AudioTrackPlanner.Plan(Source(streams), 128);

        // Assert
        Assert.That(audio.Kept.Select(a => a.Track.Index), Is.EqualTo(new[] { 2, 3, 4, 5 }));
        Assert.That(audio.Kept.Select(a => a.Facts.Label), Is.EqualTo(new[] { "English", "English (commentary)", "Director", "French" }));
        Assert.That(audio.Kept[1].Facts.Role, Is.EqualTo(AudioRole.Commentary));
        Assert.That(audio.Skipped.Single().Index, Is.EqualTo(1));
        Assert.That(audio.Skipped.Single().Reason, Does.StartWith("a duplicate of stream 2"));
    }

    [Test]
    public void Plan_UntaggedStreams_NeverDuplicatesNumberedLabels()
    {
        // Act
        var audio = AudioTrackPlanner.Plan(Source([Stream(1, null), Stream(2, "und", isDefault: true)]), 128);

        // Assert
        Assert.That(audio.Kept.Select(a => (a.Name, a.Facts.Label)), Is.EqualTo(new[] { ("audio-und-1", "Audio 1"), ("audio-und-2", "Audio 2") }));
        Assert.That(audio.Skipped, Is.Empty);
    }

    [Test]
    public void Plan_MoreThanTheLimit_TheFirstKeptWithTheDefaultTheRestSkipped()
    {
        // Arrange: ten languages, the tenth marked default.
        var languages = new[] { "eng", "fra", "deu", "spa", "ita", "por", "nld", "swe", "fin", "jpn" };
        var streams = languages.Select((l, i) => Stream(i + 1, l, isDefault: i == 9)).ToList();

        // Act
        var audio = AudioTrackPlanner.Plan(Source(streams), 128);

        // Assert
        Assert.That(audio.Kept, Has.Count.EqualTo(AudioTrackPlanner.MaxTracks));
        Assert.That(audio.Kept.Select(a => a.Track.Index), Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6, 7, 10 }));
        Assert.That(audio.Default!.Track.Index, Is.EqualTo(10));
        Assert.That(audio.Skipped.Select(s => s.Index), Is.EqualTo(new[] { 8, 9 }));
        Assert.That(audio.Skipped[0].Reason, Is.EqualTo("over the limit of 8 audio tracks a job delivers"));
    }

    [Test]
    public void Plan_SameTitleTwoLanguages_LabelsMadeUnique()
    {
        // Act
        var audio = AudioTrackPlanner.Plan(Source([Stream(1, "eng") with { Title = "Stereo" }, Stream(2, "fra") with { Title = "stereo" }]), 128);

        // Assert: HLS wants every NAME in a group to differ.
        Assert.That(audio.Kept.Select(a => a.Facts.Label), Is.EqualTo(new[] { "Stereo", "stereo (2)" }));
    }

    [TestCase("  Commentary \n by \"the\" director ", "Commentary by 'the' director")]
    [TestCase("\t\u0001", null)]
    [TestCase(null, null)]
    public void CleanTitle_Title_WhatAMenuCanShow(string? title, string? expected)
    {
        // Act / Assert
        Assert.That(AudioTrackPlanner.CleanTitle(title), Is.EqualTo(expected));
    }

    [Test]
    public void CleanTitle_LongTitle_CutWithoutSplittingACharacter()
    {
        // Arrange: 63 letters, then an emoji (two UTF-16 units) across the 64th.
        var title = new string('a', 63) + "\U0001F3A7" + "b";

        // Act
        var clean = AudioTrackPlanner.CleanTitle(title)!;

        // Assert
        Assert.That(clean, Is.EqualTo(new string('a', 63)));
    }
}
