import { indexLabels } from './label-index.ts';

/** Rows grouped by an outer factor and by the inner factor nested in it (metafor's `outer/inner`). */
export interface NestedGroups {
  /** Number of outer clusters. */
  readonly nOuter: number;
  /** Number of inner levels, i.e. of distinct (outer, inner) combinations. */
  readonly nInner: number;
  /** Outer cluster (0-based, order of first appearance) of each row. */
  readonly outerOf: Int32Array;
  /** Inner level (0-based combination code, order of first appearance) of each row. */
  readonly innerOf: Int32Array;
  /** Outer cluster of each inner level. */
  readonly innerOuter: Int32Array;
}

/**
 * Codes the nesting `outer/inner`: an inner level is the combination of an outer label and an
 * inner label, so the same inner label in two outer clusters names two different levels (as
 * metafor's `random = ~ 1 | outer/inner`). O(k).
 *
 * @param outer  outer label of each row
 * @param inner  inner label of each row (same length)
 * @example
 * nestedGroups(['a', 'a', 'b'], ['1', '2', '1']).nInner // => 3
 */
export function nestedGroups(outer: readonly string[], inner: readonly string[]): NestedGroups {
  const { codes: outerOf, levels } = indexLabels(outer);
  const perOuter = levels.map(() => new Map<string, number>());
  const innerOf = new Int32Array(outer.length);
  const innerOuter: number[] = [];
  for (let i = 0; i < outer.length; i++) {
    const j = outerOf[i]!;
    const map = perOuter[j]!;
    const label = inner[i]!;
    let code = map.get(label);
    if (code === undefined) {
      code = innerOuter.length;
      map.set(label, code);
      innerOuter.push(j);
    }
    innerOf[i] = code;
  }
  return { nOuter: levels.length, nInner: innerOuter.length, outerOf, innerOf, innerOuter: Int32Array.from(innerOuter) };
}
