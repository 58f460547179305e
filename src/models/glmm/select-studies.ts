import { InputError } from '../../errors.ts';
import { readNumber } from '../../effect-sizes/read-table.ts';
import { scaledDesign } from '../regression/design-matrix.ts';
import type { RegressionDesign } from '../regression/design-matrix.ts';
import type { GlmmData } from './glmm-data.ts';
import type { GlmmRows } from './read-glmm-rows.ts';
import type { ResolvedGlmmOptions } from './glmm-options.ts';

/** The studies a GLMM fit uses, with the design and the reasons rows were left out. */
export interface SelectedStudies {
  readonly data: GlmmData;
  readonly design: RegressionDesign;
  /** 0-based input rows used. */
  readonly rows: readonly number[];
  readonly labels: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * Chooses the rows that enter the fit, as metafor's `rma.glmm` with its defaults: a row with a
 * missing count or moderator is omitted (`na.omit`), and for OR and IRR a study without events
 * in both groups (OR also: only events in both groups) is dropped (`drop00 = TRUE`), each with a
 * warning naming the row. Builds the moderator design (centred and scaled, as metafor's `scaleX`).
 *
 * @throws InputError for a moderator that is not an array of one number per row, or when no
 *   study (or not more studies than coefficients) is left
 */
export function selectStudies(input: GlmmRows, o: ResolvedGlmmOptions): SelectedStudies {
  const names = Object.keys(o.moderators);
  const columns = names.map((name) => moderatorColumn(o.moderators[name], name, input));
  const warnings: string[] = [];
  const rows: number[] = [];
  const where = (i: number) => `Row ${i + 1} (${input.labels[i]})`;
  for (let i = 0; i < input.n; i++) {
    const counts = countsOf(input, o.measure, i);
    const missing = counts.some(Number.isNaN) || columns.some((c) => Number.isNaN(c[i]));
    if (missing) { warnings.push(`${where(i)} omitted: a count or moderator is missing.`); continue; }
    const reason = doubleZero(input, o.measure, i);
    if (reason) { warnings.push(`${where(i)} omitted: ${reason} (metafor's drop00 = TRUE).`); continue; }
    rows.push(i);
  }
  const k = rows.length;
  const p = names.length + 1;
  if (k === 0) throw new InputError('no study is left to fit (all rows were omitted; see the reasons in the rows)', { field: 'rows', code: 'E_TOO_FEW_STUDIES' });
  if (k < p) throw new InputError(`needs at least as many studies as coefficients (${p}); ${k} left`, { field: 'moderators', code: 'E_TOO_FEW_STUDIES' });
  const design = scaledDesign(columns.map((c) => Float64Array.from(rows, (i) => c[i]!)), names, k);
  design.scale.forEach((s, j) => {
    if (j > 0 && s === 0) throw new InputError(`moderator "${names[j - 1]}" is constant over the studies used`, { field: `moderators.${names[j - 1]}`, code: 'E_NOT_ESTIMABLE' });
  });
  const pick = (v: Float64Array) => Float64Array.from(rows, (i) => v[i]!);
  const data: GlmmData = { k, p, x: design.x, a: pick(input.a), b: pick(input.b), c: pick(input.c), d: pick(input.d), t1: pick(input.t1), t2: pick(input.t2) };
  return { data, design, rows, labels: rows.map((i) => input.labels[i]!), warnings };
}

function countsOf(input: GlmmRows, measure: ResolvedGlmmOptions['measure'], i: number): number[] {
  switch (measure) {
    case 'PLO': return [input.a[i]!, input.b[i]!];
    case 'IRLN': return [input.a[i]!, input.t1[i]!];
    case 'OR': return [input.a[i]!, input.b[i]!, input.c[i]!, input.d[i]!];
    case 'IRR': return [input.a[i]!, input.t1[i]!, input.c[i]!, input.t2[i]!];
  }
}

function doubleZero(input: GlmmRows, measure: ResolvedGlmmOptions['measure'], i: number): string | null {
  if (measure === 'OR') {
    if (input.a[i] === 0 && input.c[i] === 0) return 'no events in either group';
    if (input.b[i] === 0 && input.d[i] === 0) return 'only events in both groups';
  }
  if (measure === 'IRR' && input.a[i] === 0 && input.c[i] === 0) return 'no events in either group';
  return null;
}

function moderatorColumn(values: ArrayLike<unknown> | undefined, name: string, input: GlmmRows): Float64Array {
  const field = `moderators.${name}`;
  if (values === null || typeof values !== 'object' || typeof (values as ArrayLike<unknown>).length !== 'number') {
    throw new InputError('must be an array of one number per row', { field, value: values, code: 'E_INVALID_TYPE' });
  }
  if (values.length !== input.n) throw new InputError(`has ${values.length} values for ${input.n} rows`, { field, code: 'E_LENGTH_MISMATCH' });
  return Float64Array.from({ length: input.n }, (_, i) => readNumber(values[i], () => ({ field, row: i + 1, study: input.labels[i] })));
}
