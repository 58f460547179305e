import { resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { ANALYZE_OPTIONS, analyzeRequest } from './analyze-request.ts';
import { ANALYZE_HELP, MAIN_HELP, REPLICATION_HELP } from './help.ts';
import { parseArguments } from './parse-arguments.ts';
import { progressBar } from './progress.ts';
import { forestFigure, funnelFigure } from './figures.ts';
import { renderHtml } from './render-html.ts';
import { renderJson } from './render-json.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderText } from './render-text.ts';
import { REPLICATION_OPTIONS, replicationCommand } from './replication-command.ts';
import { ANALYSIS_STAGES, runAnalysis } from './run-analysis.ts';
import { UsageError } from './usage-error.ts';
import { packageVersion } from './version.ts';
import { assertNotInput, writeReport } from './write-report.ts';

/** Where the CLI writes: standard output for reports, standard error for errors and progress. */
export interface CliStreams {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

const HELP: Readonly<Record<string, string>> = { analyze: ANALYZE_HELP, replication: REPLICATION_HELP };

/**
 * The `pooled` command line: runs one command and returns the exit status (0 success, 1 bad
 * data, 2 bad usage). Errors are one line on standard error naming the file, line or column
 * and ending with the error's code in brackets (`[E_FILE]`, see `ERROR_CODES`)
 * (with the stack trace only under `--debug`); reports go to standard output or `--output`.
 *
 * @example
 * import { PassThrough } from 'node:stream';
 * const out: string[] = [];
 * const streams = { stdout: { write: (text: string) => out.push(text) }, stderr: new PassThrough() };
 * main(['replication', 'datasets/conditioned-medium-hair-loss.json'], streams) // => 0
 * out.join('') // => 'Adipose-derived stem cell (ADSC) conditioned medium…not independently replicated…'
 * main(['analyse', 'datasets/bcg.csv'], streams) // => 2 (bad usage: the command is analyze)
 * // The bin script runs: process.exitCode = main(process.argv.slice(2), process);
 */
export function main(argv: readonly string[], streams: CliStreams): number {
  const debug = argv.includes('--debug');
  const [command, ...args] = argv;
  try {
    if (command === undefined) {
      streams.stderr.write(MAIN_HELP);
      return 2;
    }
    if (command === '--help' || command === '-h') return print(streams, MAIN_HELP);
    if (command === 'help') return print(streams, helpFor(args[0]));
    if (command === '--version' || command === '-v' || command === 'version') return print(streams, `${packageVersion()}\n`);
    if (command === 'analyze') return analyze(args, streams);
    if (command === 'replication') return replication(args, streams);
    throw new UsageError(command.startsWith('-') ? `unknown option ${command}` : `unknown command "${command}"; the commands are analyze and replication`);
  } catch (error) {
    return report(error, streams, debug);
  }
}

function print(streams: CliStreams, text: string): number {
  streams.stdout.write(text);
  return 0;
}

function helpFor(command: string | undefined): string {
  if (command === undefined) return MAIN_HELP;
  const text = HELP[command];
  if (text === undefined) throw new UsageError(`unknown command "${command}"; the commands are analyze and replication`);
  return text;
}

function analyze(args: readonly string[], streams: CliStreams): number {
  const parsed = parseArguments(args, ANALYZE_OPTIONS, 'analyze');
  if (parsed.values.help === true) return print(streams, ANALYZE_HELP);
  const request = analyzeRequest(parsed);
  checkOutputs([request.output, request.forest, request.funnel], [request.file]);
  const progress = progressBar(streams.stderr, ANALYSIS_STAGES + 1);
  try {
    const analysis = runAnalysis(request, progress);
    progress.step('report and plots');
    const inputs = [request.file];
    if (request.forest !== undefined) writeReport(request.forest, forestFigure(analysis), inputs);
    if (request.funnel !== undefined) writeReport(request.funnel, funnelFigure(analysis), inputs);
    const render = { text: renderText, json: renderJson, markdown: renderMarkdown, html: renderHtml }[request.format];
    return emit(streams, render(analysis), request.output, inputs);
  } finally {
    progress.done();
  }
}

/** No output may be an input, and two outputs of one run must not be the same file. */
function checkOutputs(paths: readonly (string | undefined)[], inputs: readonly string[]): void {
  for (const path of paths) if (path !== undefined) assertNotInput(path, inputs);
  const given = paths.filter((p): p is string => p !== undefined).map((p) => resolve(p));
  const twice = given.find((p, i) => given.indexOf(p) !== i);
  if (twice !== undefined) throw new UsageError(`${twice} is named by two of --output, --forest and --funnel`, 'analyze');
}

function replication(args: readonly string[], streams: CliStreams): number {
  const parsed = parseArguments(args, REPLICATION_OPTIONS, 'replication');
  if (parsed.values.help === true) return print(streams, REPLICATION_HELP);
  const { report: text, input } = replicationCommand(parsed);
  const output = parsed.values.output;
  return emit(streams, text, typeof output === 'string' ? output : undefined, [input]);
}

function emit(streams: CliStreams, text: string, output: string | undefined, inputs: readonly string[]): number {
  if (output === undefined) return print(streams, text);
  writeReport(output, text, inputs);
  return 0;
}

function report(error: unknown, streams: CliStreams, debug: boolean): number {
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  if (error instanceof UsageError) {
    const help = error.command === undefined ? 'pooled --help' : `pooled ${error.command} --help`;
    streams.stderr.write(`pooled: ${error.message} (see ${help}) [${error.code}]${stack}\n`);
    return 2;
  }
  if (error instanceof InputError) {
    streams.stderr.write(`pooled: error: ${error.message} [${error.code}]${stack}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  streams.stderr.write(`pooled: internal error: ${message}${stack || ' (run again with --debug for the stack trace)'}\n`);
  return 1;
}
