"""VMAF for the benches that score it (bench/per_title.py, bench/allowance_sweep.py), with an ffmpeg built with libvmaf
(Debian's is not; bench/README.md, "VMAF", says where to get one): the v0.6.1 model, as issue 18 measures."""
import functools, json, statistics, subprocess


@functools.cache
def _reads_model_file(ffmpeg):
    """libvmaf 1.x (ffmpeg 4) reads a model file; libvmaf 2 (ffmpeg 5 and later) names a built-in version. Asked once."""
    help_text = subprocess.run([ffmpeg, "-hide_banner", "-h", "filter=libvmaf"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True).stdout
    return "model_path" in help_text


def vmaf_filter(ffmpeg, model, log, subsample):
    """The libvmaf filter and its options for this ffmpeg: [distorted][reference]libvmaf=..., a JSON log per frame."""
    if _reads_model_file(ffmpeg):
        return f"libvmaf=model_path={model}:log_fmt=json:log_path={log}:n_subsample={subsample}"
    return f"libvmaf=model=version=vmaf_v0.6.1:log_fmt=json:log_path={log}:n_subsample={subsample}"


def mean_vmaf(log):
    """The mean of the frames' scores in the filter's JSON log."""
    return statistics.mean(f["metrics"]["vmaf"] for f in json.load(open(log))["frames"])
