// Issue #10, acceptance: every function exported from src/index.ts, called with a battery of bad
// values (bad-values.ts: null, undefined, {}, [], sparse arrays, NaN, ±Infinity, strings, array-
// likes whose length is 1e9, cyclic and frozen objects, Symbols, BigInts, ...) in place of each
// argument, of each field of an object argument and of the first entry of an array argument,
// either returns or throws one of the project's own errors (InputError, TableError, UsageError)
// with a code of ERROR_CODES: never a raw TypeError or RangeError, and no call hangs.
//
// The valid calls the bad values spoil are in valid-calls.ts: a new export needs an entry there.
//
// `npm test` runs a fast subset (every spoiled argument, and a fixed seeded sample of the spoiled
// fields of each export: adversarial-calls.ts `sampledCalls`); `npm run test:adversarial`
// (POOLED_ADVERSARIAL=1) runs every call, the full sweep.
import { describe, expect, it } from 'vitest';
import { escapeOf, exportedFunctions, sampledCalls, spoiledCalls } from './adversarial-calls.ts';
import { VALID_CALLS } from './valid-calls.ts';

/** Whether to run every spoiled call (`npm run test:adversarial`) rather than the fast subset. */
const FULL_SWEEP = Boolean(process.env.POOLED_ADVERSARIAL);

/** Longest a single spoiled call may take (a shared, loaded machine: generous; a hang is minutes). */
const SLOW_CALL_MS = 5_000;

/**
 * Defines the tests of one shard of the exported functions (every `of`-th, from `shard`): the
 * shards are separate test files, so that they run in separate workers, in parallel and each
 * with its own memory.
 */
export function adversarialShard(shard: number, of: number): void {
  describe(`every export against bad arguments (shard ${shard + 1} of ${of}${FULL_SWEEP ? ', full sweep' : ', fast subset'})`, () => {
    const functions = exportedFunctions().filter((_, i) => i % of === shard);

    it('every exported function has a valid call, and the valid call works', () => {
      const missing = functions.map(([name]) => name).filter((name) => VALID_CALLS[name] === undefined);
      expect(missing, 'add a valid call to test/hardening/valid-calls.ts').toEqual([]);
      const failing = functions.flatMap(([name, f]) => {
        try {
          f(...VALID_CALLS[name]!());
          return [];
        } catch (e) {
          return [`${name}: ${(e as Error).message}`];
        }
      });
      expect(failing).toEqual([]);
    });

    for (const [name, f] of functions) {
      it(`${name}: nothing but the project's errors escapes, and no call hangs`, () => {
        const escapes: string[] = [];
        for (const call of (FULL_SWEEP ? spoiledCalls : sampledCalls)(name)) {
          const start = performance.now();
          const escape = escapeOf(f, call.args());
          const ms = performance.now() - start;
          if (escape !== null) escapes.push(`${call.place} = ${call.bad}: ${escape}`);
          if (ms > SLOW_CALL_MS) escapes.push(`${call.place} = ${call.bad}: took ${Math.round(ms)} ms`);
        }
        expect(escapes).toEqual([]);
      }, 120_000);
    }
  });
}
