using Transcoder.Shared;

namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>
/// How glibc's allocator is tuned in the tools' processes, through <see cref="Variable"/>: its heaps on transparent
/// huge pages (<c>glibc.malloc.hugetlb=1</c>, an madvise that the kernel honours when THP is <c>madvise</c> or
/// <c>always</c>), and buffers up to 32 MiB from the heap, reused once freed, instead of each from a fresh mapping
/// (<c>glibc.malloc.mmap_threshold</c>; alone it saved nothing measurable, with huge pages it took a trial run's faults
/// from 19,800 to 6,400).
/// <para>
/// Every picture buffer ffmpeg allocates is first touched page by page, and a page fault costs more than the zeroing
/// it does (more still in a virtual machine, as Fargate's tasks are). The short runs pay it on most of the memory they
/// ever touch: seven x264 encoders for half a second of trials faulted 64,000 pages, a third of the run's CPU, and a
/// quality window's decoders and scalers 55,000 for 15 compared frames. With huge pages they fault 6,400 and 13,000,
/// and cost 40-50% less CPU (bench/README.md, "Allocator"). The ladder encode gains nothing measurable (its buffers are
/// pooled for the whole run) and keeps 11-13% more resident memory.
/// </para>
/// A job whose own environment sets <see cref="Variable"/> passes that on instead: the operator's choice wins. Other C
/// libraries (a musl build of ffmpeg) ignore the variable.
/// </summary>
internal static class AllocatorTuning
{
    public const string Variable = JobEnvironment.GlibcTunables;

    public const string Tunables = "glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432";

    /// <summary>The variables each tool run gets on top of the job's own environment.</summary>
    public static IReadOnlyDictionary<string, string?> For(IReadOnlyDictionary<string, string> environment) =>
        environment.ContainsKey(Variable) ? new Dictionary<string, string?>() : new Dictionary<string, string?> { [Variable] = Tunables };
}
