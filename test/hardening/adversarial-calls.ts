// The calls of the adversarial test: every exported function of src/index.ts, with one argument
// (or one field of an object argument, or the first entry of an array argument) replaced by each
// value of BAD_VALUES. A call may return or throw one of the project's own errors (InputError,
// TableError, UsageError, with a code of ERROR_CODES); anything else is an escape.
import * as p from '../../src/index.ts';
import { seededUniforms } from '../../src/numeric/seeded-normals.ts';
import { BAD_VALUES, FIELD_BAD_VALUES } from './bad-values.ts';
import { CLASSES, VALID_CALLS } from './valid-calls.ts';

/** One spoiled call: where the bad value went and how to make the arguments. */
export interface SpoiledCall {
  readonly place: string;
  readonly bad: string;
  readonly args: () => unknown[];
}

/** The exported functions (classes excluded), by name. */
export function exportedFunctions(): [string, (...args: unknown[]) => unknown][] {
  return Object.entries(p).filter(
    (e): e is [string, (...args: unknown[]) => unknown] => typeof e[1] === 'function' && !CLASSES.has(e[0]),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || ArrayBuffer.isView(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A copy of `args` with `replace` applied to argument `i` (a thawed shallow copy of an object). */
function withArg(args: unknown[], i: number, replace: (arg: unknown) => unknown): unknown[] {
  const out = [...args];
  out[i] = replace(out[i]);
  return out;
}

/** Every spoiled call of one function (the fields of arguments get FIELD_BAD_VALUES only). */
export function spoiledCalls(name: string): SpoiledCall[] {
  const make = VALID_CALLS[name];
  if (make === undefined) return [];
  const template = make();
  const calls: SpoiledCall[] = [];
  for (const [bad, value] of Object.entries(BAD_VALUES)) {
    const inFields = FIELD_BAD_VALUES.includes(bad);
    template.forEach((arg, i) => {
      calls.push({ place: `argument ${i + 1}`, bad, args: () => withArg(make(), i, () => value()) });
      if (!inFields) return;
      if (isPlainObject(arg)) {
        for (const key of Object.keys(arg)) {
          calls.push({ place: `argument ${i + 1}.${key}`, bad, args: () => withArg(make(), i, (a) => ({ ...(a as object), [key]: value() })) });
        }
      } else if (Array.isArray(arg) && arg.length > 0) {
        calls.push({ place: `argument ${i + 1}[0]`, bad, args: () => withArg(make(), i, (a) => [value(), ...(a as unknown[]).slice(1)]) });
      }
    });
  }
  return calls;
}

/** Field spoilings kept per export by {@link sampledCalls} (the rest run in the full sweep). */
export const SAMPLED_FIELD_CALLS = 40;

/** Seed of the sample of {@link sampledCalls} (the suite's fast-check seed, test/fast-check-seed.ts). */
const SAMPLE_SEED = 20261201;

/**
 * The fast subset of {@link spoiledCalls} that `npm test` runs: every spoiled argument (the whole
 * battery in place of each argument) and a seeded sample of {@link SAMPLED_FIELD_CALLS} of the
 * spoiled fields and first entries (most of a full sweep's time: a result has dozens of fields,
 * and a spoiled field that does not matter runs the whole function). The sample is the same on
 * every run; `npm run test:adversarial` runs every call.
 */
export function sampledCalls(name: string): SpoiledCall[] {
  const calls = spoiledCalls(name);
  const whole = calls.filter((c) => /^argument \d+$/.test(c.place));
  const fields = calls.filter((c) => !/^argument \d+$/.test(c.place));
  const u = seededUniforms(SAMPLE_SEED ^ hashOf(name));
  // partial Fisher–Yates: the first SAMPLED_FIELD_CALLS entries become a uniform sample
  const n = Math.min(SAMPLED_FIELD_CALLS, fields.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(u() * (fields.length - i));
    [fields[i], fields[j]] = [fields[j]!, fields[i]!];
  }
  return [...whole, ...fields.slice(0, n)];
}

/** FNV-1a hash of a name (each export gets its own sample). */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** What went wrong in a call, or null when it returned or threw one of the project's errors. */
export function escapeOf(f: (...args: unknown[]) => unknown, args: unknown[]): string | null {
  try {
    f(...args);
    return null;
  } catch (e) {
    if (e instanceof p.InputError && Object.hasOwn(p.ERROR_CODES, e.code)) return null;
    if (e instanceof p.UsageError && Object.hasOwn(p.ERROR_CODES, e.code)) return null;
    const error = e as Error;
    return `${error?.constructor?.name ?? typeof e}: ${String(error?.message ?? e).slice(0, 160)}`;
  }
}
