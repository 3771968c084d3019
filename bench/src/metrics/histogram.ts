/**
 * A log-linear latency histogram in the spirit of HdrHistogram: values (microseconds) below 256
 * are exact, above that each power of two is split into 128 buckets (< 0.8 % error). Fixed size,
 * O(1) record, mergeable across processes as a sparse list of [bucket, count].
 */
const LINEAR = 256;
const SUB_BUCKETS = 128;
const SUB_BITS = 7;
const MAX_EXPONENT = 40;
const SIZE = LINEAR + (MAX_EXPONENT - 8) * SUB_BUCKETS;

export type SparseHistogram = Array<[bucket: number, count: number]>;

function bucketOf(value: number): number {
  const v = Math.max(0, Math.round(value));
  if (v < LINEAR) return v;
  const exponent = Math.floor(Math.log2(v));
  const shift = exponent - SUB_BITS;
  const mantissa = Math.floor(v / 2 ** shift);
  return Math.min(SIZE - 1, LINEAR + (exponent - 8) * SUB_BUCKETS + (mantissa - SUB_BUCKETS));
}

/** The middle of a bucket's range, so reported percentiles are unbiased. */
function valueOf(bucket: number): number {
  if (bucket < LINEAR) return bucket;
  const offset = bucket - LINEAR;
  const exponent = Math.floor(offset / SUB_BUCKETS) + 8;
  const mantissa = (offset % SUB_BUCKETS) + SUB_BUCKETS;
  const shift = exponent - SUB_BITS;
  return (mantissa + 0.5) * 2 ** shift;
}

export class Histogram {
  private counts = new Float64Array(SIZE);
  count = 0;
  max = 0;
  min = Number.POSITIVE_INFINITY;
  sum = 0;

  record(value: number): void {
    const bucket = bucketOf(value);
    this.counts[bucket] = (this.counts[bucket] ?? 0) + 1;
    this.count += 1;
    this.sum += value;
    if (value > this.max) this.max = value;
    if (value < this.min) this.min = value;
  }

  /** Quantile in [0, 1]; 0 when empty. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < SIZE; i++) {
      seen += this.counts[i] ?? 0;
      if (seen >= rank) return Math.min(valueOf(i), this.max);
    }
    return this.max;
  }

  mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  toSparse(): { buckets: SparseHistogram; count: number; max: number; min: number; sum: number } {
    const buckets: SparseHistogram = [];
    for (let i = 0; i < SIZE; i++) {
      const c = this.counts[i] ?? 0;
      if (c > 0) buckets.push([i, c]);
    }
    return { buckets, count: this.count, max: this.max, min: this.min, sum: this.sum };
  }

  merge(other: ReturnType<Histogram["toSparse"]>): void {
    for (const [bucket, c] of other.buckets) this.counts[bucket] = (this.counts[bucket] ?? 0) + c;
    this.count += other.count;
    this.sum += other.sum;
    if (other.count > 0) {
      this.max = Math.max(this.max, other.max);
      this.min = Math.min(this.min, other.min);
    }
  }

  reset(): void {
    this.counts = new Float64Array(SIZE);
    this.count = 0;
    this.max = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.sum = 0;
  }
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Milliseconds, from a histogram of microseconds. */
export function summarizeMs(h: Histogram): LatencySummary {
  const ms = (us: number) => Math.round(us / 10) / 100;
  return { count: h.count, p50: ms(h.quantile(0.5)), p95: ms(h.quantile(0.95)), p99: ms(h.quantile(0.99)), max: ms(h.max), mean: ms(h.mean()) };
}
