using Transcoder.TranscodeJob.Quality;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Ffmpeg;

internal static partial class FfmpegArguments
{
    /// <summary>One rendition in a quality measurement: its CMAF track and where its per-frame figures go.</summary>
    internal sealed record MeasuredTrack(string TrackPath, string SsimStatsPath, string PsnrStatsPath);

    /// <summary>
    /// SSIM and PSNR of renditions against the source as a viewer sees it, over one window of the timeline: the source
    /// read over <paramref name="window"/> through the same head filters the encode ran (deinterlace, the planned rate,
    /// tone mapping) at <paramref name="reference"/>'s size, and each rendition read from the same moment, scaled bicubic
    /// to that size. One process decodes the source's window once for every rendition. Every figure goes to the stats
    /// files; the frames go nowhere.
    /// </summary>
    /// <param name="reference">The top rung at the measured renditions' frame rate.</param>
    public static IReadOnlyList<string> ForQualityWindow(
        SourceInput source, int videoStreamIndex, RenditionPlan reference, QualityWindow window, IReadOnlyList<MeasuredTrack> tracks)
    {
        var arguments = new List<string>([.. Preamble(progress: false), .. OneFilterThread]);
        arguments.AddRange(SourceArguments(source, seek: window.SeekPoint(reference.FrameRate), length: window.Length));
        return WithRenditions(arguments, QualityFilterGraph(videoStreamIndex, reference, tracks), [window], tracks);
    }

    /// <summary>
    /// The same measurement against the pictures the encode kept (<see cref="KeptReference"/>), over several windows in
    /// one process: each window read from them, already through the head filters and at the reference size, instead of
    /// decoded from the source. Each window of the kept pictures and of every rendition is an input of its own (the kept
    /// pictures sought a quarter frame before it, each rendition at its first frame), each side's windows are joined in
    /// order, and both sides are numbered frame by frame and compared in that order: their timestamps, each rounded to
    /// its own file's time base, can put a kept picture a microsecond after its rendition's frame, and a comparison by
    /// time then took the picture before it (measured: 10 dB instead of 18 on a clip at 25600/867 fps). One process for
    /// several windows: starting ffmpeg, opening its inputs and building the scalers and the metrics cost about as much
    /// as comparing half a second of frames (bench/README.md, "Quality measurement").
    /// </summary>
    public static IReadOnlyList<string> ForQualityWindows(KeptReference kept, IReadOnlyList<QualityWindow> windows, IReadOnlyList<MeasuredTrack> tracks)
    {
        var arguments = new List<string>([.. Preamble(progress: false), .. OneFilterThread]);
        foreach (var window in windows)
        {
            arguments.AddRange([.. WindowRead(window.SeekPoint(kept.Reference.FrameRate), window.Length), .. OneDecoderThread, .. OwnInput(kept.Path)]);
        }

        var head = NumberedHead(Joined(0, windows.Count), kept.Reference, tracks.Count);
        var graph = QualityFilterGraph(head, kept.Reference, tracks, numbered: true, firstInput: windows.Count, inputsPerTrack: windows.Count);
        return WithRenditions(arguments, graph, windows, tracks);
    }

    /// <summary>
    /// The pictures of <paramref name="count"/> inputs from <paramref name="firstInput"/>, one after the other, ready
    /// for the next filter: the one input's label alone, or all of them joined.
    /// </summary>
    private static string Joined(int firstInput, int count) =>
        count == 1
            ? Invariant($"[{firstInput}:v:0]")
            : string.Concat(Enumerable.Range(firstInput, count).Select(i => Invariant($"[{i}:v:0]"))) + Invariant($"concat=n={count}:v=1:a=0,");

    /// <summary>
    /// The reference's <paramref name="pictures"/> (left ready for the next filter), numbered frame by frame and split to
    /// every label of <see cref="ReferenceLabels"/>: the head of a graph whose two sides are compared in order.
    /// </summary>
    private static string NumberedHead(string pictures, RenditionPlan reference, int tracks)
    {
        var labels = ReferenceLabels(tracks);
        return Invariant($"{pictures}{Numbered(reference)},split={labels.Count}") + string.Concat(labels.Select(n => $"[{n}]"));
    }

    /// <summary>Frames numbered in order from zero, one a frame period apart at <paramref name="reference"/>'s rate.</summary>
    private static string Numbered(RenditionPlan reference) => $"settb=1/({reference.FrameRate}),setpts=N";

    /// <summary>
    /// Each rendition's windows as inputs after the reference's, a rendition's in order (each sought at
    /// <see cref="QualityWindow.RenditionSeekPoint"/>: to the microsecond, where the reference's quarter frame before would
    /// decode a GOP more), the graph, its outputs to nowhere.
    /// </summary>
    private static List<string> WithRenditions(List<string> arguments, string graph, IReadOnlyList<QualityWindow> windows, IReadOnlyList<MeasuredTrack> tracks)
    {
        foreach (var track in tracks)
        {
            foreach (var window in windows)
            {
                arguments.AddRange([.. WindowRead(window.RenditionSeekPoint, window.Length), .. OneDecoderThread, .. OwnInput(track.TrackPath)]);
            }
        }

        arguments.AddRange(ScoredToNowhere(graph, tracks.Count));
        return arguments;
    }

    /// <summary>
    /// The scoring graph and the two outputs of every scored input, mapped:
    /// <see cref="QualityFilterGraph(string, RenditionPlan, IReadOnlyList{MeasuredTrack}, bool, int, int)"/>'s; the
    /// frames go nowhere.
    /// </summary>
    private static string[] ScoredToNowhere(string graph, int count) =>
        ["-filter_complex", graph, .. Enumerable.Range(0, count).SelectMany(i => new[] { "-map", $"[ssim{i}]", "-map", $"[psnr{i}]" }), "-f", "null", "-"];

    /// <summary>An input's window: where it is sought and how long it is read.</summary>
    private static string[] WindowRead(TimeSpan start, TimeSpan length) =>
        ["-ss", Invariant($"{start.TotalSeconds:0.######}"), "-t", Invariant($"{length.TotalSeconds:0.######}")];

    private static List<string> ReferenceLabels(int tracks) => [.. Enumerable.Range(0, tracks).SelectMany(i => new[] { $"ref{i}s", $"ref{i}p" })];

    internal static string QualityFilterGraph(int videoStreamIndex, RenditionPlan reference, IReadOnlyList<MeasuredTrack> tracks) =>
        QualityFilterGraph(ReferenceHead(videoStreamIndex, reference, ReferenceLabels(tracks.Count)), reference, tracks);

    /// <param name="head">The reference's pictures, split to every label of <see cref="ReferenceLabels"/>.</param>
    /// <param name="numbered">Whether each rendition's frames are numbered too (<see cref="Numbered"/>), as the head's are.</param>
    /// <param name="firstInput">The input of the first of <paramref name="tracks"/>, the rest after it in order.</param>
    /// <param name="inputsPerTrack">How many inputs each track is read from, one after the other (<see cref="Joined"/>).</param>
    private static string QualityFilterGraph(
        string head, RenditionPlan reference, IReadOnlyList<MeasuredTrack> tracks, bool numbered = false, int firstInput = 1, int inputsPerTrack = 1)
    {
        var parts = new List<string> { head };
        for (var i = 0; i < tracks.Count; i++)
        {
            var picture = Joined(firstInput + (i * inputsPerTrack), inputsPerTrack);
            parts.Add($"{picture}{AtReferenceSize(reference)}{(numbered ? "," + Numbered(reference) : "")},split=2[out{i}s][out{i}p]");
            // shortest: the reference's held last frame may run past a window that ends at the source's end.
            parts.Add($"[out{i}s][ref{i}s]ssim=stats_file={FilterValue(tracks[i].SsimStatsPath)}:shortest=1[ssim{i}]");
            parts.Add($"[out{i}p][ref{i}p]psnr=stats_file={FilterValue(tracks[i].PsnrStatsPath)}:shortest=1[psnr{i}]");
        }

        return string.Join(';', parts);
    }

    /// <summary>
    /// The source as the encode saw it, at <paramref name="reference"/>'s size, once for each label: the same head
    /// filters the encode ran (deinterlace, the planned rate, tone mapping), then the rung's scale.
    /// </summary>
    private static string ReferenceHead(int videoStreamIndex, RenditionPlan reference, IEnumerable<string> labels)
    {
        var names = labels.ToList();
        return $"[0:{videoStreamIndex}]"
               + string.Join(',', PictureFilters.Head(reference)
                   .Append(PictureFilters.Rung(reference.Width, reference.Height))
                   .Append(Invariant($"split={names.Count}")))
               + string.Concat(names.Select(n => $"[{n}]"));
    }

    /// <summary>A picture as a viewer of the reference size sees it: scaled bicubic to it.</summary>
    private static string AtReferenceSize(RenditionPlan reference) =>
        Invariant($"scale={reference.Width}:{reference.Height}:flags=bicubic,format=yuv420p,setsar=1");

    /// <summary>
    /// A path as a filter option's value inside a filter graph: escaped once for the option parser (<c>\ ' :</c>) and
    /// once more for the graph parser (<c>\ ' [ ] , ;</c>), as ffmpeg's filter documentation describes.
    /// </summary>
    internal static string FilterValue(string text)
    {
        static string Escape(string value, string special) =>
            string.Concat(value.Select(c => special.Contains(c) ? "\\" + c : c.ToString()));

        return Escape(Escape(text, "\\':"), "\\'[],;");
    }
}
