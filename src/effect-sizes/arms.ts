import { InputError } from '../errors.ts';
import type { ArmPairing } from './options.ts';
import { studyLabel } from './read-table.ts';
import { denseArray } from '../dense-array.ts';
import { checkOptionsByKey } from '../check-options.ts';

/** One treatment-versus-control comparison found in long (arm-level) rows. */
export interface ArmComparison {
  /** Study id (the study key's value as text). */
  readonly study: string;
  /** Outcome, or null when the rows have no outcome key or the value is missing. */
  readonly outcome: string | null;
  /** Time point, or null when the rows have no time-point key or the value is missing. */
  readonly timepoint: string | null;
  /** 0-based index of the treatment arm row. */
  readonly treatmentRow: number;
  /** 0-based index of the control arm row. */
  readonly controlRow: number;
}

/** Result of {@link pairArms}. */
export interface ArmPairs {
  readonly comparisons: readonly ArmComparison[];
  /** Arms that entered no comparison, each with its row and reason. */
  readonly warnings: readonly string[];
}

const PAIRING_KEYS = ['treatment', 'control', 'study', 'arm', 'outcome', 'timepoint'] as const;

/** A pairing with every key filled in, plus whether outcome/timepoint keys were named. */
export interface ResolvedPairing extends Required<ArmPairing> {
  readonly outcomeGiven: boolean;
  readonly timepointGiven: boolean;
}

function keyOption(a: Record<string, unknown>, name: string, fallback: string): string {
  const v = a[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || v === '') throw new InputError('must be a non-empty string', { field: `arms.${name}`, value: v, code: 'E_INVALID_TYPE' });
  return v;
}

/**
 * Validates an {@link ArmPairing} and fills in the default keys.
 * @throws InputError for unknown keys, missing treatment/control, or treatment = control.
 */
export function resolvePairing(pairing: unknown): ResolvedPairing {
  if (typeof pairing !== 'object' || pairing === null || Array.isArray(pairing)) {
    throw new InputError('must be an object { treatment, control, ... }', { field: 'arms', value: pairing, code: 'E_INVALID_TYPE' });
  }
  const a = pairing as Record<string, unknown>;
  checkOptionsByKey(a, PAIRING_KEYS, 'arms.');
  for (const name of ['treatment', 'control'] as const) {
    if (typeof a[name] !== 'string' || a[name] === '') {
      throw new InputError('must name an arm (non-empty string)', { field: `arms.${name}`, value: a[name], code: 'E_INVALID_TYPE' });
    }
  }
  const treatment = a['treatment'] as string;
  const control = a['control'] as string;
  if (treatment === control) throw new InputError('must differ from arms.treatment', { field: 'arms.control', value: control, code: 'E_INVALID_TYPE' });
  return {
    treatment,
    control,
    study: keyOption(a, 'study', 'study'),
    arm: keyOption(a, 'arm', 'arm'),
    outcome: keyOption(a, 'outcome', 'outcome'),
    timepoint: keyOption(a, 'timepoint', 'timepoint'),
    outcomeGiven: a['outcome'] !== undefined,
    timepointGiven: a['timepoint'] !== undefined,
  };
}

const text = studyLabel;

/**
 * Pairs long (arm-level) rows — one row per study arm, as evidence bases store them — into
 * treatment-versus-control comparisons: the `treatment` arm and the `control` arm of the same
 * study, outcome and time point make one comparison. Outcome and time point only count when
 * some row has their key. Comparisons come in the order of their first arm in `rows`.
 *
 * Nothing is dropped silently: an arm whose counterpart is missing, an arm that is neither
 * the treatment nor the control, and a row whose study id or arm name is missing (`isMissing`:
 * empty, `NA`, null, …) each give a warning naming its row.
 *
 * @throws InputError when `rows` is not an array of objects,
 * a named outcome/timepoint key is in no row, or a study has two treatment (or two control)
 * arms for the same outcome and time point.
 * @example
 * pairArms([
 *   { study: 'Lee 2020', arm: 'CM', mean: 12, sd: 4, n: 20 },
 *   { study: 'Lee 2020', arm: 'placebo', mean: 9, sd: 4, n: 21 },
 *   { study: 'Kim 2021', arm: 'CM', mean: 10, sd: 3, n: 15 },
 * ], { treatment: 'CM', control: 'placebo' })
 * // => { comparisons: [{ study: 'Lee 2020', outcome: null, timepoint: null, treatmentRow: 0, controlRow: 1 }],
 * //      warnings: ['row 3 (study "Kim 2021"): treatment arm "CM" has no control arm "placebo"; not used'] }
 */
export function pairArms(rows: readonly object[], pairing: ArmPairing): ArmPairs {
  if (!Array.isArray(rows)) throw new InputError('must be an array of row objects', { field: 'rows', code: 'E_INVALID_TYPE' });
  denseArray(rows, 'rows');
  const p = resolvePairing(pairing);
  rows.forEach((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new InputError('each row must be an object', { field: 'rows', row: i + 1, value: row, code: 'E_INVALID_TYPE' });
    }
  });
  return pairResolved(rows, p);
}

/** {@link pairArms} on rows already checked to be objects, with a resolved pairing. */
export function pairResolved(rows: readonly object[], p: ResolvedPairing): ArmPairs {
  const get = (i: number, key: string) => (rows[i] as Record<string, unknown>)[key];
  const has = (key: string) => rows.some((_, i) => get(i, key) !== undefined);
  for (const [key, given] of [
    [p.outcome, p.outcomeGiven],
    [p.timepoint, p.timepointGiven],
  ] as const) {
    if (given && rows.length > 0 && !has(key)) {
      throw new InputError(`no row has the key "${key}"`, { field: key === p.outcome ? 'arms.outcome' : 'arms.timepoint', code: 'E_MISSING_COLUMN' });
    }
  }
  const useOutcome = has(p.outcome);
  const useTimepoint = has(p.timepoint);

  interface Group {
    study: string;
    outcome: string | null;
    timepoint: string | null;
    treatment: number[];
    control: number[];
  }
  const groups = new Map<string, Group>();
  const warnings: string[] = [];
  const place = (g: { study: string; outcome: string | null; timepoint: string | null }) =>
    [`study "${g.study}"`, g.outcome !== null ? `outcome "${g.outcome}"` : '', g.timepoint !== null ? `timepoint "${g.timepoint}"` : '']
      .filter(Boolean)
      .join(', ');

  for (let i = 0; i < rows.length; i++) {
    const study = text(get(i, p.study));
    const arm = text(get(i, p.arm));
    if (study === null || arm === null) {
      const what = study === null ? `study id ("${p.study}")` : `arm name ("${p.arm}")`;
      warnings.push(`row ${i + 1}${study === null ? '' : ` (study "${study}")`}: ${what} missing; not used`);
      continue;
    }
    const outcome = useOutcome ? text(get(i, p.outcome)) : null;
    const timepoint = useTimepoint ? text(get(i, p.timepoint)) : null;
    if (arm !== p.treatment && arm !== p.control) {
      warnings.push(
        `row ${i + 1} (${place({ study, outcome, timepoint })}): arm "${arm}" is neither the treatment "${p.treatment}" nor the control "${p.control}"; not used`,
      );
      continue;
    }
    const id = JSON.stringify([study, outcome, timepoint]);
    let g = groups.get(id);
    if (!g) {
      g = { study, outcome, timepoint, treatment: [], control: [] };
      groups.set(id, g);
    }
    (arm === p.treatment ? g.treatment : g.control).push(i);
  }

  const comparisons: ArmComparison[] = [];
  for (const g of groups.values()) {
    for (const [side, list] of [
      ['treatment', g.treatment],
      ['control', g.control],
    ] as const) {
      if (list.length > 1) {
        throw new InputError(
          `${place(g)} has ${list.length} ${side} arms "${side === 'treatment' ? p.treatment : p.control}" (rows ${list
            .map((r) => r + 1)
            .join(', ')}); give each arm its own name or outcome/timepoint`,
          { field: p.arm, study: g.study, row: list[1]! + 1 },
        );
      }
    }
    const t = g.treatment[0], c = g.control[0];
    if (t !== undefined && c !== undefined) {
      comparisons.push(Object.freeze({ study: g.study, outcome: g.outcome, timepoint: g.timepoint, treatmentRow: t, controlRow: c }));
    } else if (t !== undefined) {
      warnings.push(`row ${t + 1} (${place(g)}): treatment arm "${p.treatment}" has no control arm "${p.control}"; not used`);
    } else if (c !== undefined) {
      warnings.push(`row ${c + 1} (${place(g)}): control arm "${p.control}" has no treatment arm "${p.treatment}"; not used`);
    }
  }
  comparisons.sort((x, y) => Math.min(x.treatmentRow, x.controlRow) - Math.min(y.treatmentRow, y.controlRow));
  return Object.freeze({ comparisons: Object.freeze(comparisons), warnings: Object.freeze(warnings) });
}
