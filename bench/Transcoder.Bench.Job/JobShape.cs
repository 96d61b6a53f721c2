using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.Bench.Job;

/// <summary>
/// How the benchmarked job runs: its encode mode and ladder mode. Quality measurement is off: the hand-written commands
/// it is compared with measure nothing, and bench/quality_sampling.py and bench/per_title.py measure that part.
/// </summary>
internal sealed record JobShape(EncodeMode Encode, LadderMode Ladder);
