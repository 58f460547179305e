import { checkOptions } from '../check-options.ts';
import { effectSizes } from '../effect-sizes/effect-sizes.ts';
import { InputError } from '../errors.ts';
import type { Measure, Role } from '../types.ts';
import type { EvidenceBase } from './evidence-base.ts';
import { isIsoDate } from './expected-window.ts';
import { loadEvidence } from './load-evidence.ts';
import { assertText } from '../errors.ts';
import { list, record, text, type Where } from './read-fields.ts';

/** Which column of the table holds each field of a study. */
export interface TableColumns {
  /** Study label (e.g. "Axelsson et al."); with `year`, it names the study. Required. */
  readonly label: string;
  readonly year?: string;
  /** Authors as one text (`"Christensen & Smith"`, `"Axelsson et al."`, `"A; B; C"`); split into names. */
  readonly authors?: string;
  /** Research group, institution or sponsor; without it each study is its own group. */
  readonly group?: string;
  /** Participant cohort: rows sharing a value share participants. */
  readonly cohort?: string;
  /** Total participants. */
  readonly n?: string;
  /** Design (e.g. "RCT", "prospective"); a design that says randomised or RCT starts the certainty at high. */
  readonly design?: string;
  /** One comparison per distinct value of this column (e.g. a subgroup); without it, one comparison. */
  readonly finding?: string;
  /** Precomputed effect sizes instead of `measure`: the effect and its sampling variance. */
  readonly yi?: string;
  readonly vi?: string;
}

/** Options of `evidenceFromTable`. */
export interface EvidenceFromTableOptions {
  readonly title: string;
  /** ISO date against which ongoing results would be judged (YYYY-MM-DD). */
  readonly asOf: string;
  /** The data set's citation (one source for every row). */
  readonly citation: string;
  readonly columns: TableColumns;
  /** Effect-size measure computed by `effectSizes` from `effectColumns`; omit to read `columns.yi` and `columns.vi`. */
  readonly measure?: Measure;
  /** Role → column for `effectSizes` (metafor's names: `ri`, `ni`, `ai`, ...). */
  readonly effectColumns?: Partial<Record<Role, string>>;
  /** Names of the two sides of the effect and the outcome, e.g. conscientiousness vs no association, medication adherence. */
  readonly intervention: string;
  readonly comparator: string;
  readonly outcome: string;
  readonly timepoint?: string | null;
}

const COLUMN_KEYS = ['label', 'year', 'authors', 'group', 'cohort', 'n', 'design', 'finding', 'yi', 'vi'] as const;

/** Author names from one text: separators `;`, `,`, `&`, `and`; "et al." dropped. */
export function splitAuthors(value: string): string[] {
  return assertText(value, 'authors')
    .replace(/\bet\s+al\.?/gi, '')
    .split(/\s*(?:;|,|&|\band\b)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function cellText(row: Record<string, unknown>, column: string | undefined, where: Where): string | null {
  if (column === undefined) return null;
  const value = row[column];
  if (value === undefined || value === null || value === '' || (typeof value === 'number' && Number.isNaN(value))) return null;
  if (typeof value === 'number') return String(value);
  return text(value, { ...where, field: column });
}

function cellNumber(row: Record<string, unknown>, column: string | undefined, where: Where, integer: boolean): number | null {
  const raw = cellText(row, column, where);
  if (raw === null) return null;
  const x = Number(raw);
  if (!Number.isFinite(x) || (integer && (!Number.isInteger(x) || x < 1))) {
    throw new InputError(`must be ${integer ? 'a positive integer' : 'a finite number'}`, { ...where, field: column!, value: row[column!] });
  }
  return x;
}

function effects(rows: readonly Record<string, unknown>[], o: EvidenceFromTableOptions): { yi: number[]; vi: number[]; why: string[] } {
  if (o.measure !== undefined) {
    const es = effectSizes(o.measure, rows, { columns: o.effectColumns ?? {} });
    const why = rows.map((_, i) => es.warnings.find((w) => new RegExp(`\\brow ${i + 1}\\b`).test(w)) ?? 'its effect size cannot be computed from the table');
    return { yi: Array.from(es.yi), vi: Array.from(es.vi), why };
  }
  if (o.columns.yi === undefined || o.columns.vi === undefined) {
    throw new InputError('give either measure (with effectColumns) or columns.yi and columns.vi', { field: 'options.measure' });
  }
  const yi = rows.map((r, i) => cellNumber(r, o.columns.yi, { field: o.columns.yi!, row: i + 1 }, false) ?? NaN);
  const vi = rows.map((r, i) => cellNumber(r, o.columns.vi, { field: o.columns.vi!, row: i + 1 }, false) ?? NaN);
  return { yi, vi, why: rows.map(() => 'yi or vi is missing') };
}

/**
 * Builds an evidence base from a table of studies (one row per study: label, year, authors or
 * group, cohort, and the columns of an effect-size measure, or precomputed `yi`/`vi`), so that
 * `assessReplication`, `assessCertainty` and `whatWouldChange` work on an ordinary
 * meta-analysis data set. Each study's effect enters on the effect-size scale: its
 * intervention arm holds the effect yᵢ and its comparator arm 0, each with standard error
 * √(vᵢ/2), so that the mean difference is yᵢ with variance vᵢ, and significance comes from
 * the Wald CI yᵢ ± z·√vᵢ. Authors are split on `;`, `,`, `&` and `and` ("et al." dropped), so
 * studies sharing a named author are one author network. Without a `group` column each study
 * is its own group. A row whose effect cannot be computed keeps its study with `mean: null`
 * (the assessments say it reports no result, and why in its source quote); nothing is dropped.
 * Each study's source quote is its row, as the table gives it.
 *
 * @throws {InputError} for rows that are not objects, an unknown option or column key, a
 *   missing label, a non-numeric year or n, an invalid `asOf`, or two rows naming the same study.
 * @example
 * const rows = [
 *   { authors: 'Smith & Jones', year: 2001, ri: 0.3, ni: 100 },
 *   { authors: 'Jones et al.', year: 2005, ri: 0.25, ni: 80 },
 * ];
 * const evidence = evidenceFromTable(rows, {
 *   title: 'r', asOf: '2026-01-01', citation: 'example', measure: 'ZCOR', effectColumns: { ri: 'ri', ni: 'ni' },
 *   columns: { label: 'authors', year: 'year', authors: 'authors', n: 'ni' },
 *   intervention: 'trait', comparator: 'no association', outcome: 'adherence',
 * });
 * assessReplication(evidence).findings[0].clusters // => [['Smith & Jones 2001', 'Jones et al. 2005']] (Jones in both)
 */
export function evidenceFromTable(rows: readonly object[], options: EvidenceFromTableOptions): EvidenceBase {
  const given = checkOptions<EvidenceFromTableOptions>(options, ['title', 'asOf', 'citation', 'columns', 'measure', 'effectColumns', 'intervention', 'comparator', 'outcome', 'timepoint']);
  for (const key of ['title', 'citation', 'intervention', 'comparator', 'outcome'] as const) text(given[key], { field: `options.${key}` });
  const o = given as EvidenceFromTableOptions;
  const columns = record(o.columns, { field: 'options.columns' }, COLUMN_KEYS) as unknown as TableColumns;
  text(columns.label, { field: 'options.columns.label' });
  if (typeof o.asOf !== 'string' || !isIsoDate(o.asOf)) throw new InputError('must be an ISO date YYYY-MM-DD', { field: 'options.asOf', value: o.asOf });
  const table = list(rows, { field: 'rows' }).map((r, i) => record(r, { field: 'rows', row: i + 1 }));
  const { yi, vi, why } = effects(table, { ...o, columns });
  const outcomeOf = (finding: string | null) => (finding === null ? o.outcome : `${o.outcome} (${finding})`);
  const seen = new Set<string>();
  const studies: object[] = [];
  const arms: object[] = [];
  const findings: string[] = [];
  table.forEach((row, i) => {
    const where = { field: 'rows', row: i + 1 };
    const label = cellText(row, columns.label, where);
    if (label === null) throw new InputError('every row needs a study label', { ...where, field: columns.label });
    const year = cellNumber(row, columns.year, where, true);
    const id = year === null ? label : `${label} ${year}`;
    if (seen.has(id)) throw new InputError(`two rows name the same study "${id}"`, { ...where, study: id });
    seen.add(id);
    const finding = cellText(row, columns.finding, where);
    if (!findings.includes(finding ?? '')) findings.push(finding ?? '');
    const quote = Object.entries(row).map(([k, v]) => `${k}: ${v === null || v === undefined ? 'NA' : String(v)}`).join(', ');
    const source = { document: 'table', quote: `row ${i + 1}: ${quote}` };
    const authors = cellText(row, columns.authors, where);
    studies.push({
      id, label: id, year, group: cellText(row, columns.group, where) ?? id, authors: authors === null ? [] : splitAuthors(authors),
      cohort: cellText(row, columns.cohort, where), design: cellText(row, columns.design, where) ?? 'not stated', status: 'published',
      n: cellNumber(row, columns.n, where, true), source,
    });
    const ok = Number.isFinite(yi[i]) && Number.isFinite(vi[i]) && vi[i]! > 0;
    const se = ok ? Math.sqrt(vi[i]! / 2) : null;
    const armSource = ok ? source : { document: 'table', quote: `row ${i + 1}: ${quote} (no usable effect: ${why[i]})` };
    const base = { study: id, outcome: outcomeOf(finding), timepoint: o.timepoint ?? null, n: null, sd: null, source: armSource };
    arms.push({ ...base, arm: o.intervention, mean: ok ? yi[i] : null, se }, { ...base, arm: o.comparator, mean: ok ? 0 : null, se });
  });
  const comparisons = findings.map((f) => ({ intervention: o.intervention, comparator: o.comparator, outcome: outcomeOf(f === '' ? null : f), timepoint: o.timepoint ?? null }));
  return loadEvidence({ title: o.title, asOf: o.asOf, sources: [{ id: 'table', citation: o.citation }], studies, arms, comparisons });
}
