// What each benchmark returns; run.ts prints them as one table.
export interface BenchFigure {
  /** What was measured, e.g. "PDF generation (1,000 invoices)". */
  name: string;
  value: number;
  /** e.g. "PDF/s", "ms", "MiB", "ratio". */
  unit: string;
  /** Optional context: sizes, what it is compared with. */
  note?: string;
  /** The target, e.g. { max: 20 } for "≤ 20 ms" or { min: 0.8 } for "≥ 0.8×" (same unit). */
  goal?: { max?: number; min?: number };
  /**
   * The figure over its baseline measured in the same run (timings on these machines are
   * noisy: ratios are what compare), with what the baseline is, e.g. "node -e 0".
   */
  ratio?: { value: number; baseline: string };
  /** Why this figure was not measured (e.g. PostgreSQL not installed): printed instead of it. */
  skipped?: string;
}

/** "≤ 20 ms — met" / "≥ 0.8 ratio — MISSED": printed beside each figure that has a goal. */
export function goalText(figure: BenchFigure): string {
  const { goal } = figure;
  if (!goal) return '';
  const parts: string[] = [];
  if (goal.max !== undefined) parts.push(`≤ ${goal.max} ${figure.unit}`);
  if (goal.min !== undefined) parts.push(`≥ ${goal.min} ${figure.unit}`);
  const met =
    (goal.max === undefined || figure.value <= goal.max) &&
    (goal.min === undefined || figure.value >= goal.min);
  return `goal ${parts.join(' and ')}: ${met ? 'met' : 'MISSED'}`;
}

/** "3.1× node -e 0" */
export function ratioText(figure: BenchFigure): string {
  return figure.ratio ? `${round(figure.ratio.value, 2)}× ${figure.ratio.baseline}` : '';
}

export type Bench = () => Promise<BenchFigure[]>;

export function perSecond(count: number, elapsedMs: number): number {
  return Math.round((count / elapsedMs) * 1000 * 10) / 10;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
