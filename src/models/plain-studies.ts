import type { EffectInput, EffectSizes, Measure, Provenance } from '../types.ts';
import type { ResolvedStudies } from './resolve-input.ts';

const REPORTED: Provenance = Object.freeze({ kind: 'reported' });
const NONE: readonly never[] = Object.freeze([]);

/**
 * `resolveStudies` for the plainest input, without its row bookkeeping: `{ yi, vi }` (arrays of
 * at most `maxK` numbers or Float64Arrays, any `measure`) with no labels, provenance or missing value, every yᵢ
 * finite and every vᵢ finite and ≥ 0. Returns the same studies `resolveStudies` would (copies
 * of yi and vi; labels `row i`, all 'reported', built on first read), or `null` for anything else
 * — a hole, a string, NaN, ±Infinity, a negative variance, a labels or provenance column —
 * which `resolveStudies` then resolves, omits or refuses with its own InputError.
 *
 * @example
 * plainStudies({ yi: [0.1, 0.3], vi: [0.01, 0.02] })?.labels // => ['row 1', 'row 2']
 * plainStudies({ yi: [0.1, null], vi: [0.01, 0.02] }) // => null
 */
export function plainStudies(input: EffectInput | EffectSizes, maxK = Infinity): ResolvedStudies | null {
  if (input === null || typeof input !== 'object') return null;
  const record = input as unknown as Record<string, unknown>;
  if (record.labels !== undefined || record.provenance !== undefined) return null;
  const yi = plainColumn(record.yi, false, maxK);
  const vi = yi === null ? null : plainColumn(record.vi, true, maxK);
  if (yi === null || vi === null || yi.length !== vi.length) return null;
  return new PlainStudies(yi, vi, 'measure' in input && typeof input.measure === 'string' ? input.measure : null);
}

/**
 * The studies' yi and vi as plain arrays where {@link plainStudies} made them (a Float64Array of
 * a few values costs ten times a plain array to make), else the resolved Float64Arrays.
 *
 * @example
 * Array.isArray(plainValues(plainStudies({ yi: [0.1, 0.3], vi: [0.01, 0.02] })!).yi) // => true
 */
export function plainValues(studies: ResolvedStudies): { readonly yi: ArrayLike<number>; readonly vi: ArrayLike<number> } {
  return studies instanceof PlainStudies ? { yi: studies.ys, vi: studies.vs } : studies;
}

/** The studies of {@link plainStudies}: labels, provenance and rows built on first read. */
class PlainStudies implements ResolvedStudies {
  readonly provenanceGiven = false;
  readonly warnings = NONE;
  readonly omitted = NONE;
  private labelsOut: readonly string[] | undefined;
  private provenanceOut: readonly Provenance[] | undefined;
  private rowsOut: readonly number[] | undefined;
  private yiOut: Float64Array | undefined;
  private viOut: Float64Array | undefined;

  /** ys, vs: this call's own copies of yi and vi, as plain arrays (see {@link plainValues}). */
  constructor(
    readonly ys: readonly number[],
    readonly vs: readonly number[],
    readonly measure: Measure | null,
  ) {}

  /** As Float64Arrays (the engine's general path), made on first read. */
  get yi(): Float64Array {
    return (this.yiOut ??= Float64Array.from(this.ys));
  }

  get vi(): Float64Array {
    return (this.viOut ??= Float64Array.from(this.vs));
  }

  get labels(): readonly string[] {
    return (this.labelsOut ??= rowLabels(this.ys.length));
  }

  get provenance(): readonly Provenance[] {
    return (this.provenanceOut ??= new Array<Provenance>(this.ys.length).fill(REPORTED));
  }

  get rows(): readonly number[] {
    return (this.rowsOut ??= Array.from({ length: this.ys.length }, (_, n) => n));
  }
}

/** Most studies whose default labels are kept (frozen, shared by every analysis of that size). */
const SHARED_LABELS_K = 64;
const SHARED_LABELS: (readonly string[] | undefined)[] = [];

/** `row 1` … `row k`; for small k one frozen array per k. */
function rowLabels(k: number): readonly string[] {
  if (k > SHARED_LABELS_K) return Array.from({ length: k }, (_, n) => `row ${n + 1}`);
  return (SHARED_LABELS[k] ??= Object.freeze(Array.from({ length: k }, (_, n) => `row ${n + 1}`)));
}

/** A copy (a plain array) of an array or Float64Array of at most `maxK` finite numbers (variances: also ≥ 0), or `null`. */
function plainColumn(values: unknown, variance: boolean, maxK: number): number[] | null {
  if (!((values as ArrayLike<unknown> | null)?.length! <= maxK)) return null;
  if (values instanceof Float64Array) {
    const out = new Array<number>(values.length);
    for (let i = 0; i < out.length; i++) {
      const x = values[i]!;
      if (!usable(x, variance)) return null;
      out[i] = x;
    }
    return out;
  }
  if (!Array.isArray(values)) return null;
  const a = values as readonly unknown[];
  const out = new Array<number>(a.length);
  for (let i = 0; i < out.length; i++) {
    const x = a[i];
    if (typeof x !== 'number' || !usable(x, variance)) return null;
    out[i] = x;
  }
  return out;
}

/** A finite number; a variance also ≥ 0. */
function usable(x: number, variance: boolean): boolean {
  return variance ? x >= 0 && x < Infinity : x - x === 0;
}
