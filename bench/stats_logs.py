"""The mean of what ffmpeg's ssim and psnr filters write to their stats_file, in dB, for the benches that compare
renditions (bench/per_title.py, bench/allowance_sweep.py): SSIM dB is -10*log10(1 - mean SSIM), PSNR that of the
mean MSE, as the job's manifest reports them; 100 for an exact match."""
import math, re


def ssim_db(log):
    values = [float(m) for m in re.findall(r"All:([0-9.]+)", open(log).read())]
    return db(1 - sum(values) / len(values), 1)


def psnr_db(log):
    values = [float(m) for m in re.findall(r"mse_avg:([0-9.]+)", open(log).read())]
    return db(sum(values) / len(values), 255 * 255)


def db(error, peak):
    return 100.0 if error <= 0 else min(100.0, 10 * math.log10(peak / error))
