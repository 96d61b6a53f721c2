"""BD-rate (Bjontegaard) between two rate-quality curves given as lists, for the benches that import it
(bench/per_title.py: the per-title ladder against the fixed one).

Interpolates log(rate) piecewise-linearly in SSIM dB for each curve (no numpy on the bench machine) and integrates the
difference over the SSIM range both curves cover; negative means the second curve needs fewer bits for the same SSIM."""
import math


def log_rate_at(rate, q, at):
    pts = sorted(zip(q, rate))
    for (q0, r0), (q1, r1) in zip(pts, pts[1:]):
        if q0 <= at <= q1:
            f = 0 if q1 == q0 else (at - q0) / (q1 - q0)
            return math.log(r0) + f * (math.log(r1) - math.log(r0))
    raise ValueError(at)


def bd_rate(rate_a, q_a, rate_b, q_b, steps=200):
    lo, hi = max(min(q_a), min(q_b)), min(max(q_a), max(q_b))
    if hi <= lo:
        return float("nan")
    grid = [lo + (hi - lo) * i / steps for i in range(steps + 1)]
    avg = sum(log_rate_at(rate_b, q_b, g) - log_rate_at(rate_a, q_a, g) for g in grid) / len(grid)
    return (math.exp(avg) - 1) * 100
