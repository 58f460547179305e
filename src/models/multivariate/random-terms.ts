import { InputError } from '../../errors.ts';
import { assertOneOf } from '../../errors.ts';
import { isPlainObject } from '../../check-options.ts';
import { readLabels } from '../multilevel/read-labels.ts';
import { indexLabels } from '../multilevel/label-index.ts';
import { MULTIVARIATE_STRUCTS, type MultivariateStruct } from './covariance-structures.ts';

type Label = string | number | null | undefined;

/** `~ 1 | a/b/…`: nested random intercepts, one σ² per level (outermost first). `levels: [id]` is `~ 1 | id`. */
export interface NestedRandomTerm {
  readonly levels: readonly (readonly Label[])[];
  /** Names of the levels for printing (default `levels[0]`, …). */
  readonly names?: readonly string[];
}

/** `~ inner | outer` with a structure: correlated random effects of the inner levels (outcomes, times) within each outer group (study). */
export interface StructuredRandomTerm {
  readonly inner: readonly Label[];
  readonly outer: readonly Label[];
  /** Structure of the inner levels' covariance (default: the `struct` option, else `'CS'`). */
  readonly struct?: MultivariateStruct;
  /** Names of inner and outer for printing (default `['inner', 'outer']`). */
  readonly names?: readonly [string, string];
}

/** One random effect of `multivariate` (metafor's `random` formulas). */
export type RandomTerm = NestedRandomTerm | StructuredRandomTerm;

/** A nested term read: labels per input row, `null` where missing. */
interface RawNested { kind: 'nested'; labels: (string | null)[][]; names: string[] }
interface RawStructured { kind: 'structured'; struct: MultivariateStruct; inner: (string | null)[]; innerNumbers: boolean; outer: (string | null)[]; names: [string, string] }
export type RawTerm = RawNested | RawStructured;

/** A nested term on the rows of the model: the group code of each row at each level. */
export interface NestedTerm { readonly kind: 'nested'; readonly codes: readonly Int32Array[]; readonly counts: readonly number[]; readonly names: readonly string[] }
/** A structured term on the rows of the model. */
export interface StructuredTerm {
  readonly kind: 'structured';
  readonly struct: MultivariateStruct;
  readonly outer: Int32Array;
  readonly nOuter: number;
  /** Position of each row's inner level among the sorted levels. */
  readonly inner: Int32Array;
  readonly innerLevels: readonly string[];
  /** Numeric values of the inner levels (CAR), else their positions. */
  readonly times: readonly number[];
  readonly names: readonly [string, string];
  /** Number of outer groups in which each inner level occurs (metafor's `g.levels.k`). */
  readonly innerGroups: readonly number[];
}
export type ResolvedTerm = NestedTerm | StructuredTerm;

/**
 * Validates the `random` option of `multivariate` (one term or an array of terms; at most two
 * structured terms, as metafor). Labels are read with `readLabels` (missing → `null`).
 *
 * @throws InputError naming `random[t]` for a term that is neither form, an unknown struct, a
 *   label array of the wrong length, CAR with a non-numeric inner variable, or more than two
 *   structured terms.
 */
export function readRandomTerms(random: unknown, k: number, studies: readonly string[], defaultStruct: MultivariateStruct): RawTerm[] {
  const list = Array.isArray(random) ? random : random === undefined ? [] : [random];
  const terms = list.map((term: unknown, t): RawTerm => {
    const field = `random[${t}]`;
    if (!isPlainObject(term)) throw new InputError('must be { levels } (~ 1 | a/b) or { inner, outer, struct } (~ inner | outer)', { field, code: 'E_INVALID_TYPE' });
    if ('levels' in term) {
      const levels = term.levels;
      if (!Array.isArray(levels) || levels.length === 0) throw new InputError('must be a non-empty array of label arrays, outermost first', { field: `${field}.levels`, code: 'E_INVALID_TYPE' });
      const names = Array.isArray(term.names) ? term.names.map(String) : levels.map((_, l) => (levels.length === 1 && list.length === 1 ? 'id' : `${field}.levels[${l}]`));
      return { kind: 'nested', labels: levels.map((labels: unknown, l) => readLabels(labels, `${field}.levels[${l}]`, k, studies)), names };
    }
    if (!('inner' in term) || !('outer' in term)) throw new InputError('needs levels, or inner and outer', { field, code: 'E_MISSING_VALUE' });
    const struct = (term.struct ?? defaultStruct) as MultivariateStruct;
    assertOneOf(struct, MULTIVARIATE_STRUCTS, `${field}.struct`);
    const innerNumbers = Array.isArray(term.inner) && term.inner.every((x: unknown) => typeof x === 'number' || x === null || x === undefined);
    if (struct === 'CAR' && !innerNumbers) throw new InputError('must hold numbers (times) for struct CAR', { field: `${field}.inner`, code: 'E_INVALID_TYPE' });
    const names = Array.isArray(term.names) && term.names.length === 2 ? [String(term.names[0]), String(term.names[1])] as [string, string] : ['inner', 'outer'] as [string, string];
    return {
      kind: 'structured', struct, innerNumbers, names,
      inner: readLabels(term.inner, `${field}.inner`, k, studies), outer: readLabels(term.outer, `${field}.outer`, k, studies),
    };
  });
  if (terms.filter((t) => t.kind === 'structured').length > 2) throw new InputError('at most two ~ inner | outer terms (as metafor)', { field: 'random' });
  return terms;
}

/** Whether row i has every label the terms need. */
export function hasLabels(terms: readonly RawTerm[], i: number): boolean {
  return terms.every((t) => (t.kind === 'nested' ? t.labels.every((l) => l[i] !== null) : t.inner[i] !== null && t.outer[i] !== null));
}

/** Codes the terms on the kept rows (0-based input rows): nested paths per level; inner levels sorted (numerically for numbers). */
export function indexTerms(terms: readonly RawTerm[], rows: readonly number[]): ResolvedTerm[] {
  return terms.map((t): ResolvedTerm => {
    if (t.kind === 'nested') {
      const codes = t.labels.map((_, l) => indexLabels(rows.map((r) => t.labels.slice(0, l + 1).map((labels) => labels[r]!).join('\u0000'))));
      return { kind: 'nested', codes: codes.map((c) => c.codes), counts: codes.map((c) => c.levels.length), names: t.names };
    }
    const outer = indexLabels(rows.map((r) => t.outer[r]!));
    const present = [...new Set(rows.map((r) => t.inner[r]!))];
    const innerLevels = t.innerNumbers ? present.sort((a, b) => Number(a) - Number(b)) : present.sort();
    const at = new Map(innerLevels.map((l, a) => [l, a]));
    const pairs = new Set(rows.map((r, i) => `${at.get(t.inner[r]!)!}\u0000${outer.codes[i]!}`));
    const innerGroups = innerLevels.map((_, a) => [...pairs].filter((pair) => pair.startsWith(`${a}\u0000`)).length);
    return {
      innerGroups,
      kind: 'structured', struct: t.struct, outer: outer.codes, nOuter: outer.levels.length,
      inner: Int32Array.from(rows, (r) => at.get(t.inner[r]!)!), innerLevels,
      times: t.innerNumbers ? innerLevels.map(Number) : innerLevels.map((_, a) => a), names: t.names,
    };
  });
}
