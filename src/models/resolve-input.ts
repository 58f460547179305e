import { InputError, numberCode } from '../errors.ts';
import { denseArray } from '../dense-array.ts';
import { isMissing } from '../missing.ts';
import type { EffectInput, EffectSizes, Measure, Provenance } from '../types.ts';
import { omittedInputRow, summariseOmissions, type OmittedInputRow } from '../omission-summary.ts';
import { withSeVariances } from './se-variances.ts';

/** Studies that enter a model: finite yi and vi, with their labels and variance provenance. */
export interface ResolvedStudies {
  readonly yi: Float64Array;
  readonly vi: Float64Array;
  readonly labels: readonly string[];
  readonly provenance: readonly Provenance[];
  /** Whether the input carried a provenance column (without one, every study is 'reported'). */
  readonly provenanceGiven: boolean;
  readonly measure: Measure | null;
  readonly warnings: readonly string[];
  /** The rows left out for a missing yi or vi. */
  readonly omitted: readonly OmittedInputRow[];
  /** Input row (0-based) of each study kept. */
  readonly rows: readonly number[];
}

const REPORTED: Provenance = Object.freeze({ kind: 'reported' });

/**
 * Validates `{ yi, vi }` input (or an `EffectSizes`; `{ yi, sei }` gives vi = sei²) and drops rows with a missing yi or vi
 * (`isMissing`: null, undefined, NaN, or a missing-value text such as `'NA'`),
 * naming each dropped row in `warnings`.
 *
 * @throws InputError when yi or vi is absent or not array-like, the lengths differ, a value is
 *   not a number, or a variance is negative.
 */
export function resolveStudies(given: EffectInput | EffectSizes): ResolvedStudies {
  if (given === null || typeof given !== 'object') {
    throw new InputError('expected an object with yi and vi arrays (or the result of effectSizes)', { field: 'input', value: given });
  }
  const input = withSeVariances(given);
  const yi = arrayField(input, 'yi');
  const vi = arrayField(input, 'vi');
  if (yi.length !== vi.length) {
    throw new InputError(`length mismatch: yi has ${yi.length} values but vi has ${vi.length}`, { field: 'vi', code: 'E_LENGTH_MISMATCH' });
  }
  const labelsIn = input.labels === undefined ? undefined : labelArray(input.labels);
  if (labelsIn !== undefined && labelsIn.length !== yi.length) {
    throw new InputError(`length mismatch: labels has ${labelsIn.length} entries but yi has ${yi.length}`, { field: 'labels', code: 'E_LENGTH_MISMATCH' });
  }
  const provIn = input.provenance === undefined ? undefined : denseArray<Provenance>(input.provenance, 'provenance');
  if (provIn !== undefined && provIn.length !== yi.length) {
    throw new InputError(`length mismatch: provenance has ${provIn.length} entries but yi has ${yi.length}`, { field: 'provenance', code: 'E_LENGTH_MISMATCH' });
  }
  const k = yi.length;
  // Float64Arrays with every value usable (the large-k case) need no row bookkeeping
  const clean = yi instanceof Float64Array && vi instanceof Float64Array && allUsable(yi, vi);
  const keep = new Int32Array(clean ? 0 : k);
  let kept = clean ? k : 0;
  const warnings: string[] = [];
  const omitted: OmittedInputRow[] = [];
  // labels are built only where a message needs one: this loop runs once per row of the data
  const labelOf = (i: number) => labelsIn?.[i] ?? `row ${i + 1}`;
  for (let i = 0; i < k && !clean; i++) {
    const yRaw = yi[i];
    const vRaw = vi[i];
    const y = typeof yRaw === 'number' ? yRaw : numeric(yRaw, 'yi', i, labelOf(i));
    const v = typeof vRaw === 'number' ? vRaw : numeric(vRaw, 'vi', i, labelOf(i));
    if (v < 0) throw new InputError('sampling variance must not be negative', { field: 'vi', row: i + 1, study: labelsIn?.[i], value: v, code: numberCode(v) });
    if (Number.isNaN(y) || Number.isNaN(v)) {
      const missing = Number.isNaN(y) ? (Number.isNaN(v) ? 'yi and vi' : 'yi') : 'vi';
      warnings.push(`${describe(labelOf(i), i)} omitted: ${missing} missing.`);
      omitted.push(omittedInputRow(i, labelOf(i), missing === 'yi and vi' ? 'yi, vi' : missing, `${missing} missing`));
      continue;
    }
    if (y === Infinity || y === -Infinity || v === Infinity) {
      throw new InputError('must be finite', { field: Number.isFinite(y) ? 'vi' : 'yi', row: i + 1, study: labelsIn?.[i], code: 'E_NOT_FINITE' });
    }
    keep[kept++] = i;
  }
  // nothing omitted from Float64Arrays: copy the memory itself
  const whole = kept === k && yi instanceof Float64Array && vi instanceof Float64Array;
  const yOut = whole ? yi.slice() : new Float64Array(kept);
  const vOut = whole ? vi.slice() : new Float64Array(kept);
  for (let n = 0; n < kept && !whole; n++) {
    const i = keep[n]!;
    yOut[n] = yi[i] as number;
    vOut[n] = vi[i] as number;
  }
  // labels, provenance and row numbers are built when first read: at k = 10⁶ the label strings
  // alone cost more than the whole fit, and most callers never read them
  const row = (n: number) => (clean ? n : keep[n]!);
  const perKept = <T>(f: (i: number) => T): T[] => Array.from({ length: kept }, (_, n) => f(row(n)));
  return {
    yi: yOut,
    vi: vOut,
    get labels() {
      return remember(this, 'labels', () => perKept(labelOf));
    },
    get provenance() {
      return remember(this, 'provenance', () => perKept((i) => provIn?.[i] ?? REPORTED));
    },
    provenanceGiven: provIn !== undefined,
    measure: 'measure' in input && typeof input.measure === 'string' ? input.measure : null,
    warnings: summariseOmissions(warnings),
    omitted: Object.freeze(omitted),
    get rows() {
      return remember(this, 'rows', () => perKept((i) => i));
    },
  };
}

/** Every yᵢ finite and every vᵢ finite and ≥ 0 (no row to omit or refuse). */
function allUsable(yi: Float64Array, vi: Float64Array): boolean {
  for (let i = 0; i < yi.length; i++) {
    const v = vi[i]!;
    if (!(v >= 0 && v < Infinity && yi[i]! - yi[i]! === 0)) return false;
  }
  return true;
}

/** Replaces the getter `key` of `target` by the value `make()` returns, and returns it. */
function remember<T>(target: object, key: string, make: () => T): T {
  const value = make();
  Object.defineProperty(target, key, { value, enumerable: true });
  return value;
}

function describe(label: string, i: number): string {
  return label === `row ${i + 1}` ? `Row ${i + 1}` : `Row ${i + 1} (${label})`;
}

function arrayField(input: object, field: 'yi' | 'vi'): ArrayLike<unknown> {
  return denseArray((input as Record<string, unknown>)[field], field);
}

/** Labels: a dense array of strings (a number is written in decimal); `null`/missing → the row name. */
function labelArray(value: unknown): readonly (string | undefined)[] {
  const labels = denseArray(value, 'labels');
  return Array.from(labels, (label, i) => {
    if (isMissing(label)) return undefined;
    if (typeof label === 'string') return label;
    if (typeof label === 'number' && Number.isFinite(label)) return String(label);
    throw new InputError('must be a study label (a string)', { field: 'labels', row: i + 1, value: label, code: 'E_INVALID_TYPE' });
  });
}

function numeric(value: unknown, field: string, i: number, label: string): number {
  if (isMissing(value)) return NaN;
  if (typeof value === 'number') return value;
  throw new InputError('must be a number', { field, row: i + 1, study: label === `row ${i + 1}` ? undefined : label, value, code: 'E_INVALID_TYPE' });
}
