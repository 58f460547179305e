import type { EffectInput, EffectSizes, Provenance } from '../types.ts';
import type { ResolvedStudies } from './resolve-input.ts';

const REPORTED: Provenance = Object.freeze({ kind: 'reported' });
const NONE: readonly never[] = Object.freeze([]);

/**
 * `resolveStudies` for the plainest input, without its row bookkeeping: `{ yi, vi }` (arrays of
 * numbers or Float64Arrays, any `measure`) with no labels, provenance or missing value, every yᵢ
 * finite and every vᵢ finite and ≥ 0. Returns the same studies `resolveStudies` would (copies
 * of yi and vi; labels `row i`, all 'reported', built on first read), or `null` for anything else
 * — a hole, a string, NaN, ±Infinity, a negative variance, a labels or provenance column —
 * which `resolveStudies` then resolves, omits or refuses with its own InputError.
 *
 * @example
 * plainStudies({ yi: [0.1, 0.3], vi: [0.01, 0.02] })?.labels // => ['row 1', 'row 2']
 * plainStudies({ yi: [0.1, null], vi: [0.01, 0.02] }) // => null
 */
export function plainStudies(input: EffectInput | EffectSizes): ResolvedStudies | null {
  if (input === null || typeof input !== 'object') return null;
  const record = input as unknown as Record<string, unknown>;
  if (record.labels !== undefined || record.provenance !== undefined) return null;
  const yi = plainColumn(record.yi, false);
  const vi = yi === null ? null : plainColumn(record.vi, true);
  if (yi === null || vi === null || yi.length !== vi.length) return null;
  const k = yi.length;
  return {
    yi,
    vi,
    get labels() {
      return remember(this, 'labels', Array.from({ length: k }, rowLabel));
    },
    get provenance() {
      return remember(this, 'provenance', new Array<Provenance>(k).fill(REPORTED));
    },
    provenanceGiven: false,
    measure: 'measure' in input && typeof input.measure === 'string' ? input.measure : null,
    warnings: NONE,
    omitted: NONE,
    get rows() {
      return remember(this, 'rows', Array.from({ length: k }, rowIndex));
    },
  };
}

/** A copy of an array (or Float64Array) of finite numbers (variances: also ≥ 0), or `null`. */
function plainColumn(values: unknown, variance: boolean): Float64Array | null {
  const typed = values instanceof Float64Array;
  if (!typed && !Array.isArray(values)) return null;
  const a = values as ArrayLike<unknown>;
  const out = typed ? (values as Float64Array).slice() : new Float64Array(a.length);
  for (let i = 0; i < out.length; i++) {
    const x = typed ? out[i]! : a[i];
    if (typeof x !== 'number' || !(variance ? x >= 0 && x < Infinity : x - x === 0)) return null;
    out[i] = x;
  }
  return out;
}

function rowLabel(_: unknown, n: number): string {
  return `row ${n + 1}`;
}

function rowIndex(_: unknown, n: number): number {
  return n;
}

/** Replaces the getter `key` of `target` by `value` and returns it. */
function remember<T>(target: object, key: string, value: T): T {
  Object.defineProperty(target, key, { value, enumerable: true });
  return value;
}
