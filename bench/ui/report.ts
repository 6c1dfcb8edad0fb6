// Small helpers for the UI benchmarks: notes on stderr, median and percentiles.

export function log(line: string): void {
  process.stderr.write(`ui bench: ${line}\n`);
}

export function median(xs: number[]): number {
  return percentile(xs, 50);
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
