import { freezeResult } from '../freeze-result.ts';
import type { Measure } from '../types.ts';
import { readReshapeInput } from './reshape-input.ts';
import type { ReshapeOptions } from './reshape-input.ts';

/** Options of {@link toLong}. */
export interface ToLongOptions extends ReshapeOptions {
  /** One record per cell (metafor's `vlong`) for 2x2 tables, paired tables and proportions; default false. */
  readonly vlong?: boolean;
  /** Put the input row's own fields before metafor's columns (metafor's `append`); default true. */
  readonly append?: boolean;
}

/** Result of {@link toLong}. */
export interface LongFormat {
  readonly measure: Measure;
  /** The long records: the input row's fields (with `append`), then metafor's columns. */
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  /** Rows left out (a missing value, or drop00), each with its reason. */
  readonly warnings: readonly string[];
}

/**
 * Study-level data in long format — metafor's `to.long` — for the measures with a long layout
 * (see `RESHAPE_MEASURES`), with metafor's column names after the study label `study`:
 * 2x2 tables (OR, RR, RD, AS, PETO, PHI, YUQ, YUY, RTET, PBIT, OR2D, OR2DN, OR2DL, MPORM)
 * `group`, `out1`, `out2` (vlong: `group`, `outcome`, `freq`); paired tables MPRD, MPRR, MPOR
 * the marginal table `time`, `out1`, `out2` (vlong: `time`, `outcome`, `freq`) and MPORC, MPPETO
 * `out.time1`, `out1.time2`, `out2.time2` (vlong: `out.time1`, `out.time2`, `freq`); person-time
 * IRR, IRD, IRSD `group`, `events`, `ptime`; means MD, SMD, SMDH, ROM `group`, `mean`, `sd`, `n`;
 * COR, ZCOR `r`, `n`; proportions PR, PLN, PLO, PAS, PFT `out1`, `out2` (vlong: `outcome`,
 * `freq`); IR, IRLN, IRS, IRFT `events`, `ptime`; MN, MNLN `mean`, `sd`, `n`; MC, SMCC, SMCRH
 * `mean1`, `mean2`, `sd1`, `sd2`, `n`, `r` and SMCR the same without `sd2`. Groups, times and
 * outcomes are numbered 1 and 2 (metafor makes them factors with level 2 first, as reference).
 * As in metafor, drop00 and add/to (default `to: 'none'`) change the counts first, and rows
 * with a missing value are left out (listed in `warnings`).
 *
 * @param rows one object per study, keyed as for `effectSizes`
 * @param measure metafor's measure code, which picks the layout
 * @throws InputError as `effectSizes` for bad values and options, for a measure without a long
 * layout (GEN, ZPHI, ZTET, SMD1H), and for a missing study label.
 * @example
 * toLong([{ study: 'Aronson', ai: 4, bi: 119, ci: 11, di: 128 }], 'OR', { append: false }).rows
 * // => [{ study: 'Aronson', group: 1, out1: 4, out2: 119 }, { study: 'Aronson', group: 2, out1: 11, out2: 128 }]
 */
export function toLong(rows: readonly object[], measure: Measure, options: ToLongOptions = {}): LongFormat {
  const input = readReshapeInput(measure, rows, options, ['vlong', 'append'], 'toLong');
  const vlong = options.vlong ?? false;
  const append = options.append ?? true;
  const out: Record<string, unknown>[] = [];
  input.kept.forEach((i, j) => {
    const base = append ? { ...(rows[i] as Record<string, unknown>) } : {};
    for (const record of input.layout.long(input.cells, i, vlong && input.layout.vlong, measure)) out.push({ ...base, study: input.labels[j], ...record });
  });
  return freezeResult({ measure, rows: out, warnings: input.warnings });
}
