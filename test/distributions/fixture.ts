// Reads test/fixtures/distributions/distributions.json, written by generate.R in that folder
// (R 4.2 pnorm/pt/pchisq/pf, qnorm/qt/qchisq/qf, densities, lbeta/pgamma/pbeta).
import { readFileSync } from 'node:fs';
import { mismatch, TOLERANCES } from '../tolerances.ts';

type Raw = number | 'Inf' | '-Inf' | 'NaN';

interface RawRow {
  args: Raw[];
  lower?: Raw;
  upper?: Raw;
  value?: Raw;
  note?: string;
}

export interface TailRow {
  readonly args: readonly number[];
  readonly lower: number;
  readonly upper: number;
  readonly note: string | undefined;
}

export interface ValueRow {
  readonly args: readonly number[];
  readonly value: number;
}

export type Family = 'normal' | 'studentT' | 'chiSquare' | 'fisherF';

interface Fixture {
  cdf: Record<Family, RawRow[]>;
  quantile: Record<Family, RawRow[]>;
  density: Record<Family, RawRow[]>;
  special: Record<'logBeta' | 'regularizedGamma' | 'regularizedBeta', RawRow[]>;
}

const raw = JSON.parse(
  readFileSync(new URL('../fixtures/distributions/distributions.json', import.meta.url), 'utf8'),
) as Fixture;

function value(v: Raw | undefined): number {
  if (v === undefined) throw new Error('fixture row lacks a value');
  if (v === 'Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  if (v === 'NaN') return NaN;
  return v;
}

function tailRows(rows: RawRow[]): TailRow[] {
  return rows.map((r) => ({ args: r.args.map(value), lower: value(r.lower), upper: value(r.upper), note: r.note }));
}

function valueRows(rows: RawRow[]): ValueRow[] {
  return rows.map((r) => ({ args: r.args.map(value), value: value(r.value) }));
}

export const cdfRows = (family: Family): TailRow[] => tailRows(raw.cdf[family]);
export const quantileRows = (family: Family): TailRow[] => tailRows(raw.quantile[family]);
export const densityRows = (family: Family): ValueRow[] => valueRows(raw.density[family]);
export const specialTailRows = (name: 'regularizedGamma' | 'regularizedBeta'): TailRow[] =>
  tailRows(raw.special[name]);
export const specialValueRows = (name: 'logBeta'): ValueRow[] => valueRows(raw.special[name]);

/**
 * Values whose magnitude is below this are compared absolutely: R and we both return
 * subnormal numbers (pnorm(-38) = 2.9e-316) or 0 there, whose relative precision is gone.
 */
export const ABSOLUTE_BELOW = 1e-300;

/**
 * null when `got` matches R's `want` to TOLERANCES.distribution (1e-12) relative, or to 1e-300
 * absolute when |want| < 1e-300; NaN and ±Infinity must match exactly. Otherwise a message.
 */
export function distributionMismatch(got: number, want: number, label: string): string | null {
  if (Number.isNaN(want)) return Number.isNaN(got) ? null : `${label}: got ${got}, want NaN`;
  if (!Number.isFinite(want)) return got === want ? null : `${label}: got ${got}, want ${want}`;
  return mismatch(got, want, TOLERANCES.distribution, label, ABSOLUTE_BELOW);
}
