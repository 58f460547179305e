import { TRANSFORMS, type TransformName } from '../effect-sizes/back-transform.ts';
import { MEASURES, ROLES, TAU2_METHODS, TEST_TYPES, type Measure, type Role, type Tau2Method, type TestType } from '../types.ts';
import { oneOf, parseLevel, stringOption, type OptionSpec, type ParsedArguments } from './parse-arguments.ts';
import { UsageError } from './usage-error.ts';

/** Report formats of `pooled analyze`. */
export const ANALYZE_FORMATS = Object.freeze(['text', 'json', 'markdown', 'html'] as const);
export type AnalyzeFormat = (typeof ANALYZE_FORMATS)[number];

/** The options of `pooled analyze`, for `parseArguments`. */
export const ANALYZE_OPTIONS: OptionSpec = {
  measure: { type: 'string', short: 'm' },
  columns: { type: 'string', short: 'c', multiple: true },
  label: { type: 'string' },
  method: { type: 'string' },
  test: { type: 'string' },
  level: { type: 'string' },
  subgroup: { type: 'string' },
  moderators: { type: 'string', multiple: true },
  transform: { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  forest: { type: 'string' },
  funnel: { type: 'string' },
  delimiter: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** A validated `pooled analyze` call. */
export interface AnalyzeRequest {
  readonly file: string;
  readonly measure: Measure;
  readonly columns: Readonly<Partial<Record<Role, string>>>;
  readonly label: string | undefined;
  readonly method: Tau2Method;
  readonly test: TestType;
  readonly level: number;
  readonly subgroup: string | undefined;
  readonly moderators: readonly string[];
  readonly transform: TransformName | 'auto';
  readonly format: AnalyzeFormat;
  readonly output: string | undefined;
  /** Where to write the forest plot (SVG), if anywhere. */
  readonly forest: string | undefined;
  /** Where to write the funnel plot (SVG), if anywhere. */
  readonly funnel: string | undefined;
  readonly delimiter: ',' | '\t' | ';' | undefined;
}

/**
 * Validates the arguments of `pooled analyze` into an {@link AnalyzeRequest}.
 *
 * @throws UsageError for a missing file or measure, extra arguments, a malformed `--columns`,
 *   an unknown measure, role, method, test, transform or format, or a level outside (0, 1)
 *   (also accepted in percent: 95)
 * @example
 * analyzeRequest({ values: { measure: 'OR', columns: ['ai=tpos'] }, positionals: ['bcg.csv'] }).columns; // => { ai: 'tpos' }
 */
export function analyzeRequest(parsed: ParsedArguments): AnalyzeRequest {
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new UsageError('analyze needs a data file: pooled analyze FILE.csv --measure M', 'analyze');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])} (one data file per run)`, 'analyze');
  const v = parsed.values;
  const measureText = stringOption(v, 'measure');
  if (measureText === undefined) throw new UsageError('analyze needs --measure, e.g. --measure OR', 'analyze');
  const measure = oneOf(measureText, MEASURES, '--measure', 'analyze');
  const method = oneOf(stringOption(v, 'method') ?? 'REML', TAU2_METHODS, '--method', 'analyze');
  const test = oneOf(stringOption(v, 'test') ?? 'z', TEST_TYPES, '--test', 'analyze');
  const transform = oneOf(stringOption(v, 'transform') ?? 'auto', ['auto', ...TRANSFORMS] as const, '--transform', 'analyze');
  const format = oneOf(stringOption(v, 'format') ?? 'text', ANALYZE_FORMATS, '--format', 'analyze');
  const delimiter = stringOption(v, 'delimiter');
  const delimiters = { ',': ',', comma: ',', tab: '\t', '\\t': '\t', ';': ';', semicolon: ';' } as const;
  if (delimiter !== undefined && !(delimiter in delimiters)) {
    throw new UsageError(`--delimiter must be comma, tab or semicolon (got ${JSON.stringify(delimiter)})`, 'analyze');
  }
  return {
    file,
    measure,
    columns: parseColumns(listOption(v.columns)),
    label: stringOption(v, 'label'),
    method,
    test,
    level: parseLevel(stringOption(v, 'level'), 'analyze'),
    subgroup: stringOption(v, 'subgroup'),
    moderators: listOption(v.moderators),
    transform,
    format,
    output: stringOption(v, 'output'),
    forest: stringOption(v, 'forest'),
    funnel: stringOption(v, 'funnel'),
    delimiter: delimiter === undefined ? undefined : delimiters[delimiter as keyof typeof delimiters],
  };
}

/** Comma-separated values of a repeatable option, flattened: `--moderators a,b --moderators c`. */
function listOption(value: unknown): string[] {
  const parts = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return parts.flatMap((p: string) => p.split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

function parseColumns(pairs: readonly string[]): Partial<Record<Role, string>> {
  const columns: Partial<Record<Role, string>> = {};
  for (const pair of pairs) {
    const m = /^([^=]+)=(.+)$/.exec(pair);
    if (!m) throw new UsageError(`--columns takes role=column pairs, e.g. --columns ai=tpos,bi=tneg (got ${JSON.stringify(pair)})`, 'analyze');
    const role = oneOf(m[1]!.trim(), ROLES, '--columns role', 'analyze');
    columns[role] = m[2]!.trim();
  }
  return columns;
}
