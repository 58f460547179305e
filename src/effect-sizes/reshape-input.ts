import { checkOptionsByKey } from '../check-options.ts';
import { denseArray } from '../dense-array.ts';
import { InputError, assertOneOf } from '../errors.ts';
import { isMissing } from '../missing.ts';
import { MEASURES } from '../types.ts';
import type { Measure, Role } from '../types.ts';
import { measureFamily } from './effect-sizes.ts';
import { resolveOptions } from './options.ts';
import type { ZeroCellRule } from './options.ts';
import { fieldName, hasKey, readTable, studyLabel } from './read-table.ts';
import { RESHAPE_MEASURES, reshapeLayout } from './reshape-layouts.ts';
import type { LayoutCells, LongRecord, ReshapeLayout } from './reshape-layouts.ts';

/** Options of {@link toLong} and {@link toTable}: metafor's `to.long` / `to.table` arguments. */
export interface ReshapeOptions {
  /** Role -> key in each row; a role left out is looked up under its own name. */
  readonly columns?: Partial<Record<Role, string>>;
  /**
   * Key of the study label (metafor's `slab`); default `study` when some row has it, else the
   * labels are 1, 2, …, k as in metafor. Repeated labels get `.1`, `.2`, … appended.
   */
  readonly label?: string;
  /** Amount added to zero cells; default 1/2. */
  readonly add?: number;
  /** Which rows get `add`: default `none` (as metafor's `to.long`; `escalc` defaults to `only0`). */
  readonly to?: ZeroCellRule;
  /** Set 2x2 tables (and person-time pairs) without events in both groups to missing; default false. */
  readonly drop00?: boolean;
}

/** Per study: its label and its layout cells; rows with a missing value are left out. */
export interface ReshapeInput {
  readonly layout: ReshapeLayout;
  readonly cells: LayoutCells;
  /** 0-based input rows kept, with their labels. */
  readonly kept: readonly number[];
  readonly labels: readonly string[];
  readonly warnings: readonly string[];
}

/** metafor's `.make.unique`: repeated labels become `x.1`, `x.2`, … */
function makeUnique(labels: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const l of labels) count.set(l, (count.get(l) ?? 0) + 1);
  const seen = new Map<string, number>();
  return labels.map((l) => {
    if (count.get(l) === 1) return l;
    const j = (seen.get(l) ?? 0) + 1;
    seen.set(l, j);
    return `${l}.${j}`;
  });
}

function labelsOf(rows: readonly Record<string, unknown>[], key: string | undefined): string[] {
  if (key === undefined) return rows.map((_, i) => String(i + 1));
  return rows.map((row, i) => {
    const l = isMissing(row[key]) ? null : studyLabel(row[key]);
    if (l === null) throw new InputError('study label missing (metafor: NAs in study labels)', { field: key, row: i + 1, code: 'E_MISSING_VALUE' });
    return l;
  });
}

/**
 * Reads rows for {@link toLong} / {@link toTable}: validates the options (metafor's defaults
 * add = 1/2, to = `none`, drop00 = false) and the values as `effectSizes` does, applies drop00 and
 * add/to, and leaves out rows with a missing value (metafor's `na.omit`), each with a warning.
 * @throws InputError for a measure without a long layout, unknown options, bad values, a missing
 * study label, or `rows` that is not an array of objects.
 */
export function readReshapeInput(measure: Measure, rows: readonly object[], options: unknown, extraKeys: readonly string[], fn: string): ReshapeInput {
  assertOneOf(measure, MEASURES, 'measure');
  const layout = reshapeLayout(measure);
  if (layout === undefined) {
    throw new InputError(`${fn} has no layout for measure ${measure} (as metafor); measures: ${RESHAPE_MEASURES.join(', ')}`, { field: 'measure', value: measure, code: 'E_INVALID_CHOICE' });
  }
  if (!Array.isArray(rows)) throw new InputError('must be an array of row objects', { field: 'rows', code: 'E_INVALID_TYPE' });
  denseArray(rows, 'rows');
  rows.forEach((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new InputError('each row must be an object', { field: 'rows', row: i + 1, value: row, code: 'E_INVALID_TYPE' });
  });
  const o = checkOptionsByKey<ReshapeOptions>(options, ['columns', 'label', 'add', 'to', 'drop00', ...extraKeys] as (keyof ReshapeOptions)[]);
  const records = rows as readonly Record<string, unknown>[];
  const opts = resolveOptions(measure, { columns: o.columns, label: o.label, add: o.add ?? 0.5, to: o.to ?? 'none', drop00: o.drop00 ?? false }, rows.length, ['LS']);
  if (opts.labelGiven && records.length > 0 && !hasKey(records, opts.label)) {
    throw new InputError(`no row has the label key "${opts.label}"`, { field: 'label', code: 'E_MISSING_COLUMN' });
  }
  const labels = makeUnique(labelsOf(records, opts.labelGiven || hasKey(records, 'study') ? opts.label : undefined));
  const family = measureFamily(measure);
  const where = (i: number, role: Role) => ({ field: fieldName(role, opts.columns[role]), row: i + 1, study: labels[i]! });
  const table = readTable(records, family.requirements(measure), (role) => opts.columns[role], where, measure, opts.columnsGiven);
  family.validate(measure, table);
  const cells = layout.cells(table, opts);
  const kept: number[] = [];
  const warnings: string[] = [];
  for (let i = 0; i < table.k; i++) {
    const values = layout.long(cells, i, false, measure).flatMap((r: LongRecord) => Object.values(r));
    if (values.some(Number.isNaN)) warnings.push(`row ${i + 1} (${labels[i]}) omitted: ${table.missing[i]!.length > 0 ? `${table.missing[i]!.join(', ')} missing` : 'no events (or only events) in both groups (drop00)'}`);
    else kept.push(i);
  }
  return { layout, cells, kept, labels: kept.map((i) => labels[i]!), warnings };
}
