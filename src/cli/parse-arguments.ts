import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.ts';

/** Options of one command, as `node:util` `parseArgs` takes them. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** Parsed options and positional arguments. */
export interface ParsedArguments {
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * Parses a command's arguments strictly with Node's `util.parseArgs`, turning its errors into
 * one-line {@link UsageError}s.
 *
 * @throws UsageError for an unknown option, an option without its value, or a value given to a flag
 * @example
 * parseArguments(['a.csv', '--measure', 'OR'], { measure: { type: 'string' } }, 'analyze').values.measure; // => 'OR'
 */
export function parseArguments(args: readonly string[], options: OptionSpec, command: string): ParsedArguments {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: values as ParsedArguments['values'], positionals };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option ?? message}`, command);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(/argument missing/.test(message) ? `option ${option} needs a value` : `option ${option} takes no value`, command);
    }
    throw new UsageError(message, command);
  }
}

/**
 * The one string value of an option (the last, when it was given twice), or `undefined`.
 *
 * @example
 * stringOption({ format: 'json' }, 'format'); // => 'json'
 */
export function stringOption(values: ParsedArguments['values'], name: string): string | undefined {
  const v = values[name];
  if (Array.isArray(v)) return v.at(-1);
  return typeof v === 'string' ? v : undefined;
}

/**
 * A confidence level from the command line: a proportion (`0.95`) or a percentage from 50 to
 * 100 (`95`).
 *
 * @throws UsageError naming the option when the text is not a level
 * @example
 * parseLevel('95', 'analyze'); // => 0.95
 */
export function parseLevel(text: string | undefined, command: string): number {
  if (text === undefined) return 0.95;
  const x = Number(text);
  const level = x >= 50 && x < 100 ? x / 100 : x;
  if (text.trim() === '' || !(level > 0 && level < 1)) {
    throw new UsageError(`--level must be a proportion such as 0.95 (or a percentage such as 95); got ${JSON.stringify(text)}`, command);
  }
  return level;
}

/**
 * Checks that an option's value is one of `valid`.
 *
 * @throws UsageError listing the valid values
 * @example
 * oneOf('REML', ['DL', 'REML'], '--method', 'analyze'); // => 'REML'
 */
export function oneOf<T extends string>(value: string, valid: readonly T[], option: string, command: string): T {
  if (!(valid as readonly string[]).includes(value)) {
    throw new UsageError(`${option} must be one of ${valid.join(', ')} (got ${JSON.stringify(value)})`, command);
  }
  return value as T;
}
