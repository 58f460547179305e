import { assessReplication } from '../evidence/assess-replication.ts';
import { readEvidenceFile } from '../io/read-evidence-file.ts';
import { evidenceMap } from '../plots/evidence-map.ts';
import { htmlReport } from '../report/html-report.ts';
import { replicationMarkdown } from '../report/replication-markdown.ts';
import { replicationText } from '../report/replication-text.ts';
import { oneOf, parseLevel, stringOption, type OptionSpec, type ParsedArguments } from './parse-arguments.ts';
import { UsageError } from './usage-error.ts';

/** The options of `pooled replication`, for `parseArguments`. */
export const REPLICATION_OPTIONS: OptionSpec = {
  level: { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/**
 * `pooled replication EVIDENCE.json`: reads and validates the evidence base and renders
 * `assessReplication` as text, Markdown, JSON, or a self-contained HTML page with the evidence map.
 *
 * @returns the report and the input file (which an `--output` must not overwrite)
 * @throws UsageError for a missing file or extra arguments; TableError/InputError for bad data
 * @example
 * const { report, input } = replicationCommand({ values: {}, positionals: ['datasets/conditioned-medium-hair-loss.json'] });
 * input // => 'datasets/conditioned-medium-hair-loss.json'
 * report // => 'Adipose-derived stem cell (ADSC) conditioned medium…ADSC conditioned medium vs placebo…status: not independently replicated…'
 */
export function replicationCommand(parsed: ParsedArguments): { report: string; input: string } {
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new UsageError('replication needs an evidence file: pooled replication EVIDENCE.json', 'replication');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])} (one evidence file per run)`, 'replication');
  const format = oneOf(stringOption(parsed.values, 'format') ?? 'text', ['text', 'json', 'markdown', 'html'], '--format', 'replication');
  const level = parseLevel(stringOption(parsed.values, 'level'), 'replication');
  const evidence = readEvidenceFile(file);
  const assessment = assessReplication(evidence, { level });
  const renderers = {
    json: () => `${JSON.stringify({ file, title: evidence.title, asOf: evidence.asOf, ...assessment }, null, 2)}\n`,
    markdown: () => `# ${evidence.title}\n\n${replicationMarkdown(assessment)}\n`,
    text: () => `${evidence.title} (as of ${evidence.asOf})\n\n${replicationText(assessment)}\n`,
    html: () => htmlReport([
      { kind: 'heading', text: evidence.title, level: 1 },
      { kind: 'text', text: `Evidence as of ${evidence.asOf}.` },
      { kind: 'figure', svg: evidenceMap(evidence), caption: 'Studies by research group and year' },
      { kind: 'markdown', markdown: replicationMarkdown(assessment) },
    ], { title: evidence.title }),
  };
  const report = renderers[format]();
  return { report, input: file };
}
