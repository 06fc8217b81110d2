// What each benchmark returns; run.ts prints them as one table.
export interface BenchFigure {
  /** What was measured, e.g. "PDF generation (1,000 invoices)". */
  name: string;
  value: number;
  /** e.g. "PDF/s", "ms", "MiB", "ratio". */
  unit: string;
  /** Optional context: sizes, the goal, what it is compared with. */
  note?: string;
}

export type Bench = () => Promise<BenchFigure[]>;

export function perSecond(count: number, elapsedMs: number): number {
  return Math.round((count / elapsedMs) * 1000 * 10) / 10;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
