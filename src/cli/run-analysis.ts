import { effectSizes } from '../effect-sizes/effect-sizes.ts';
import { InputError } from '../errors.ts';
import { column, columnNames } from '../io/column.ts';
import { readTable, type Table } from '../io/read-table.ts';
import { TableError } from '../io/table-error.ts';
import { metaAnalysis } from '../models/meta-analysis.ts';
import { metaRegression, type MetaRegressionResult } from '../models/regression/meta-regression.ts';
import { subgroupAnalysis, type SubgroupResult } from '../models/subgroup-analysis.ts';
import { summarize, type ResultSummary } from '../report/summarize.ts';
import type { EffectSizes, MetaAnalysisResult } from '../types.ts';
import type { AnalyzeRequest } from './analyze-request.ts';
import type { Progress } from './progress.ts';

/** Everything `pooled analyze` computed, ready to be rendered. */
export interface Analysis {
  readonly file: string;
  readonly request: AnalyzeRequest;
  readonly rows: number;
  /** The table read (rows keyed by column name). */
  readonly table: Table;
  readonly effects: EffectSizes;
  readonly model: MetaAnalysisResult;
  /** The pooled estimate back-transformed (`summarize`), with the transform applied. */
  readonly summary: ResultSummary;
  /** Sample sizes (PFT) or person-times (IRFT) for the inverse Freeman–Tukey transform, else undefined. */
  readonly n: readonly number[] | undefined;
  readonly subgroups: SubgroupResult | undefined;
  readonly regression: MetaRegressionResult | undefined;
}

/** Number of progress stages of {@link runAnalysis}. */
export const ANALYSIS_STAGES = 5;

/**
 * Runs `pooled analyze`: reads the table, computes the effect sizes, fits the random-effects
 * model and, when asked, the subgroup analysis and the meta-regression, and back-transforms
 * the pooled estimate. Errors about the data name the file and the line.
 *
 * @throws TableError naming the file (and the line, for an error in one row), for unreadable
 *   or malformed files, unknown columns and every input error of the analysis
 * @example
 * const request = analyzeRequest({ values: { measure: 'RR', columns: ['ai=tpos', 'bi=tneg', 'ci=cpos', 'di=cneg'] },
 *   positionals: ['datasets/bcg.csv'] });
 * runAnalysis(request, { step() {}, done() {} }).summary.estimate; // => 0.4894 (the pooled risk ratio; metafor: predict(rma(yi, vi), transf = exp))
 */
export function runAnalysis(request: AnalyzeRequest, progress: Progress): Analysis {
  progress.step(`reading ${request.file}`);
  const table = readTable(request.file, request.delimiter === undefined ? {} : { delimiter: request.delimiter });
  checkColumns(table, request);
  return located(table, () => {
    progress.step('effect sizes');
    const effects = effectSizes(request.measure, table, {
      columns: request.columns, ...(request.label === undefined ? {} : { label: request.label }),
    });
    progress.step(`${request.method} model`);
    const options = { method: request.method, test: request.test, level: request.level };
    const model = metaAnalysis(effects, options);
    progress.step('subgroups');
    const subgroups = request.subgroup === undefined ? undefined : subgroupAnalysis(effects, column(table, request.subgroup), options);
    progress.step('moderators');
    const regression = request.moderators.length === 0 ? undefined : metaRegression(effects, {
      ...options, moderators: Object.fromEntries(request.moderators.map((name) => [name, column(table, name)])),
    });
    const n = request.measure === 'PFT' ? sampleSizes(table, request, 'ni') : request.measure === 'IRFT' ? sampleSizes(table, request, 'ti') : undefined;
    const summary = summarize(model, { transform: request.transform, ...(n === undefined ? {} : { n }) });
    return { file: request.file, request, rows: table.length, table, effects, model, summary, n, subgroups, regression };
  });
}

/** Every column the request names must be in the file. */
function checkColumns(table: Table, request: AnalyzeRequest): void {
  const names = columnNames(table);
  const wanted: [string, string][] = [
    ...Object.entries(request.columns).map(([role, name]) => [name!, `--columns ${role}=${name}`] as [string, string]),
    ...(request.label === undefined ? [] : [[request.label, '--label'] as [string, string]]),
    ...(request.subgroup === undefined ? [] : [[request.subgroup, '--subgroup'] as [string, string]]),
    ...request.moderators.map((name) => [name, '--moderators'] as [string, string]),
  ];
  for (const [name, option] of wanted) {
    if (!names.includes(name)) {
      throw new TableError(`has no column "${name}" (named by ${option}); its columns are ${names.map((n) => `"${n}"`).join(', ')}`, { file: table.source, code: 'E_MISSING_COLUMN' });
    }
  }
}

/** Runs `f`, re-throwing input errors with the file and, for an error in one row, its line. */
function located<T>(table: Table, f: () => T): T {
  try {
    return f();
  } catch (error) {
    if (!(error instanceof InputError) || error instanceof TableError) throw error;
    const line = error.row === undefined ? undefined : table.lines[error.row - 1];
    const message = error.message.replace(/options\.columns\.(\w+)/g, '--columns $1=COLUMN');
    throw new TableError(message, line === undefined ? { file: table.source, code: error.code } : { file: table.source, line, code: error.code });
  }
}

/**
 * The `ni` column (PFT) or the `ti` column (IRFT: person-times), or the column mapped to it, for
 * the inverse Freeman–Tukey transform.
 */
function sampleSizes(table: Table, request: AnalyzeRequest, role: 'ni' | 'ti'): number[] {
  return column(table, request.columns[role] ?? role).filter((x): x is number => typeof x === 'number');
}
