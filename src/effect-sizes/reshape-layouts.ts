import type { Measure } from '../types.ts';
import { column } from './family.ts';
import type { ZeroCellRule } from './options.ts';
import type { Table } from './read-table.ts';
import { readTwoByTwo } from './two-by-two.ts';
import { addToZeroCells } from './zero-cells.ts';

/** The `add`, `to` and `drop00` of metafor's `to.long` / `to.table` (defaults 1/2, `none`, false). */
export interface ReshapeAdjustment {
  readonly add: number;
  readonly to: ZeroCellRule;
  readonly drop00: boolean;
}

/** Named value columns of a layout, after any continuity correction (NaN where missing or dropped). */
export type LayoutCells = Readonly<Record<string, Float64Array>>;

/** One long-format record before the study label: metafor's column names and values. */
export type LongRecord = Record<string, number>;

/**
 * How metafor's `to.long` and `to.table` lay out the data of a family of measures: the cells
 * read from the table, the long records of one study (regular or very long), and the study's
 * table with its row and column names.
 */
export interface ReshapeLayout {
  readonly measures: readonly Measure[];
  /** Whether `vlong` (one record per cell) exists for the layout. */
  readonly vlong: boolean;
  readonly rowNames: readonly string[];
  readonly colNames: (measure: Measure) => readonly string[];
  cells(table: Table, adjust: ReshapeAdjustment): LayoutCells;
  long(c: LayoutCells, i: number, vlong: boolean, measure: Measure): LongRecord[];
  table(c: LayoutCells, i: number, measure: Measure): number[][];
}

/** 2x2 cells a, b, c, d after metafor's drop00 and add/to (all four cells). */
function twoByTwoCells(table: Table, adjust: ReshapeAdjustment): LayoutCells {
  const t = readTwoByTwo(table);
  const cells = [t.a, t.b, t.c, t.d].map((x) => Float64Array.from(x));
  if (adjust.drop00) {
    for (let i = 0; i < table.k; i++) {
      const [a, b, c, d] = cells.map((x) => x[i]!);
      if ((a === 0 && c === 0) || (b === 0 && d === 0)) for (const x of cells) x[i] = NaN;
    }
  }
  const [a, b, c, d] = addToZeroCells(cells, adjust.add, adjust.to) as [Float64Array, Float64Array, Float64Array, Float64Array];
  return { a, b, c, d };
}

/** Very long records: one per cell, with the two factor columns and `freq`. */
function veryLong(names: readonly [string, string], freqs: readonly number[]): LongRecord[] {
  return freqs.map((freq, j) => ({ [names[0]]: j < 2 ? 1 : 2, [names[1]]: (j % 2) + 1, freq }));
}

/** Regular records of two groups (or times): the group column and two value columns. */
function twoRows(group: string, names: readonly string[], first: readonly number[], second: readonly number[]): LongRecord[] {
  return [first, second].map((values, g) => {
    const record: LongRecord = { [group]: g + 1 };
    names.forEach((name, j) => (record[name] = values[j]!));
    return record;
  });
}

/** One record holding the named values. */
function oneRow(names: readonly string[], values: readonly number[]): LongRecord[] {
  const record: LongRecord = {};
  names.forEach((name, j) => (record[name] = values[j]!));
  return [record];
}

const at = (c: LayoutCells, names: readonly string[], i: number) => names.map((n) => c[n]![i]!);

const twoByTwo: ReshapeLayout = {
  measures: ['OR', 'RR', 'RD', 'AS', 'PETO', 'PHI', 'YUQ', 'YUY', 'RTET', 'PBIT', 'OR2D', 'OR2DN', 'OR2DL', 'MPORM'],
  vlong: true,
  rowNames: ['Grp1', 'Grp2'],
  colNames: () => ['Out1', 'Out2'],
  cells: twoByTwoCells,
  long: (c, i, vlong) => {
    const [a, b, cc, d] = at(c, ['a', 'b', 'c', 'd'], i) as [number, number, number, number];
    return vlong ? veryLong(['group', 'outcome'], [a, b, cc, d]) : twoRows('group', ['out1', 'out2'], [a, b], [cc, d]);
  },
  table: (c, i) => {
    const [a, b, cc, d] = at(c, ['a', 'b', 'c', 'd'], i) as [number, number, number, number];
    return [[a, b], [cc, d]];
  },
};

const pairedMarginal: ReshapeLayout = {
  measures: ['MPRD', 'MPRR', 'MPOR'],
  vlong: true,
  rowNames: ['Time1', 'Time2'],
  colNames: () => ['Out1', 'Out2'],
  cells: twoByTwoCells,
  long: (c, i, vlong) => {
    const [a, b, cc, d] = at(c, ['a', 'b', 'c', 'd'], i) as [number, number, number, number];
    return vlong
      ? veryLong(['time', 'outcome'], [a + b, cc + d, a + cc, b + d])
      : twoRows('time', ['out1', 'out2'], [a + b, cc + d], [a + cc, b + d]);
  },
  table: (c, i) => {
    const [a, b, cc, d] = at(c, ['a', 'b', 'c', 'd'], i) as [number, number, number, number];
    return [[a + b, cc + d], [a + cc, b + d]];
  },
};

const pairedTable: ReshapeLayout = {
  measures: ['MPORC', 'MPPETO'],
  vlong: true,
  rowNames: ['Time1.Out1', 'Time1.Out2'],
  colNames: () => ['Time2.Out1', 'Time2.Out2'],
  cells: twoByTwoCells,
  long: (c, i, vlong) => {
    const [a, b, cc, d] = at(c, ['a', 'b', 'c', 'd'], i) as [number, number, number, number];
    return vlong ? veryLong(['out.time1', 'out.time2'], [a, b, cc, d]) : twoRows('out.time1', ['out1.time2', 'out2.time2'], [a, b], [cc, d]);
  },
  table: twoByTwo.table,
};

const personTime: ReshapeLayout = {
  measures: ['IRR', 'IRD', 'IRSD'],
  vlong: false,
  rowNames: ['Grp1', 'Grp2'],
  colNames: () => ['Events', 'Person-Time'],
  cells: (table, adjust) => {
    const x1 = Float64Array.from(column(table, 'x1i')), x2 = Float64Array.from(column(table, 'x2i'));
    if (adjust.drop00) for (let i = 0; i < table.k; i++) if (x1[i] === 0 && x2[i] === 0) x1[i] = x2[i] = NaN;
    const [a, b] = addToZeroCells([x1, x2], adjust.add, adjust.to) as [Float64Array, Float64Array];
    return { x1: a, t1: column(table, 't1i'), x2: b, t2: column(table, 't2i') };
  },
  long: (c, i) => twoRows('group', ['events', 'ptime'], at(c, ['x1', 't1'], i), at(c, ['x2', 't2'], i)),
  table: (c, i) => [at(c, ['x1', 't1'], i), at(c, ['x2', 't2'], i)],
};

/** Cells read as they are, under the layout's own names. */
function plainCells(map: Readonly<Record<string, Parameters<typeof column>[1]>>): ReshapeLayout['cells'] {
  return (table) => Object.fromEntries(Object.entries(map).map(([name, role]) => [name, column(table, role)]));
}

const means: ReshapeLayout = {
  measures: ['MD', 'SMD', 'SMDH', 'ROM'],
  vlong: false,
  rowNames: ['Grp1', 'Grp2'],
  colNames: () => ['Mean', 'SD', 'n'],
  cells: plainCells({ m1: 'm1i', sd1: 'sd1i', n1: 'n1i', m2: 'm2i', sd2: 'sd2i', n2: 'n2i' }),
  long: (c, i) => twoRows('group', ['mean', 'sd', 'n'], at(c, ['m1', 'sd1', 'n1'], i), at(c, ['m2', 'sd2', 'n2'], i)),
  table: (c, i) => [at(c, ['m1', 'sd1', 'n1'], i), at(c, ['m2', 'sd2', 'n2'], i)],
};

const correlation: ReshapeLayout = {
  measures: ['COR', 'ZCOR'],
  vlong: false,
  rowNames: ['Grp'],
  colNames: () => ['r', 'n'],
  cells: plainCells({ r: 'ri', n: 'ni' }),
  long: (c, i) => oneRow(['r', 'n'], at(c, ['r', 'n'], i)),
  table: (c, i) => [at(c, ['r', 'n'], i)],
};

const proportion: ReshapeLayout = {
  measures: ['PR', 'PLN', 'PLO', 'PAS', 'PFT'],
  vlong: true,
  rowNames: ['Grp'],
  colNames: () => ['Out1', 'Out2'],
  cells: (table, adjust) => {
    const x = column(table, 'xi'), m = column(table, 'mi'), n = column(table, 'ni');
    const non = Float64Array.from(m, (mi, i) => (Number.isNaN(mi) ? n[i]! - x[i]! : mi));
    const [a, b] = addToZeroCells([x, non], adjust.add, adjust.to) as [Float64Array, Float64Array];
    return { x: a, m: b };
  },
  long: (c, i, vlong) => {
    const [x, m] = at(c, ['x', 'm'], i) as [number, number];
    return vlong ? [{ outcome: 1, freq: x }, { outcome: 2, freq: m }] : oneRow(['out1', 'out2'], [x, m]);
  },
  table: (c, i) => [at(c, ['x', 'm'], i)],
};

const rate: ReshapeLayout = {
  measures: ['IR', 'IRLN', 'IRS', 'IRFT'],
  vlong: false,
  rowNames: ['Grp'],
  colNames: () => ['Events', 'Person-Time'],
  cells: (table, adjust) => ({ x: addToZeroCells([column(table, 'xi')], adjust.add, adjust.to)[0]!, t: column(table, 'ti') }),
  long: (c, i) => oneRow(['events', 'ptime'], at(c, ['x', 't'], i)),
  table: (c, i) => [at(c, ['x', 't'], i)],
};

const mean: ReshapeLayout = {
  measures: ['MN', 'MNLN'],
  vlong: false,
  rowNames: ['Grp'],
  colNames: () => ['Mean', 'SD', 'n'],
  cells: plainCells({ m: 'mi', sd: 'sdi', n: 'ni' }),
  long: (c, i) => oneRow(['mean', 'sd', 'n'], at(c, ['m', 'sd', 'n'], i)),
  table: (c, i) => [at(c, ['m', 'sd', 'n'], i)],
};

/** SMCR has no second SD in metafor's layout. */
const changeNames = (measure: Measure) => (measure === 'SMCR' ? ['m1', 'm2', 'sd1', 'n', 'r'] : ['m1', 'm2', 'sd1', 'sd2', 'n', 'r']);
const CHANGE_LONG: Readonly<Record<string, string>> = { m1: 'mean1', m2: 'mean2', sd1: 'sd1', sd2: 'sd2', n: 'n', r: 'r' };
const CHANGE_TABLE: Readonly<Record<string, string>> = { m1: 'Mean1', m2: 'Mean2', sd1: 'SD1', sd2: 'SD2', n: 'n', r: 'r' };

const change: ReshapeLayout = {
  measures: ['MC', 'SMCC', 'SMCR', 'SMCRH'],
  vlong: false,
  rowNames: ['Grp'],
  colNames: (measure) => changeNames(measure).map((n) => CHANGE_TABLE[n]!),
  cells: plainCells({ m1: 'm1i', m2: 'm2i', sd1: 'sd1i', sd2: 'sd2i', n: 'ni', r: 'ri' }),
  long: (c, i, _vlong, measure) => oneRow(changeNames(measure).map((n) => CHANGE_LONG[n]!), at(c, changeNames(measure), i)),
  table: (c, i, measure) => [at(c, changeNames(measure), i)],
};

const LAYOUTS: readonly ReshapeLayout[] = [twoByTwo, pairedMarginal, pairedTable, personTime, means, correlation, proportion, rate, mean, change];

/** The measures metafor's `to.long` and `to.table` take (of those `effectSizes` computes). */
export const RESHAPE_MEASURES: readonly Measure[] = Object.freeze(LAYOUTS.flatMap((l) => l.measures));

/**
 * The layout of `measure`, or undefined when metafor's `to.long` has none (e.g. GEN, ZPHI, SMD1H).
 *
 * @example
 * reshapeLayout('IRR')?.colNames('IRR') // => ['Events', 'Person-Time']
 */
export function reshapeLayout(measure: Measure): ReshapeLayout | undefined {
  return LAYOUTS.find((l) => l.measures.includes(measure));
}
