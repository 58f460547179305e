// Mutations of an evidence base for fuzzing: deleted fields, wrong types, sparse arrays, odd
// Unicode, huge and non-finite numbers, duplicated or swapped rows. Shared by the seeded,
// time-bounded property test (test/evidence/fuzz.test.ts) and the wider `npm run fuzz`.
import fc from 'fast-check';
import { InputError } from '../../src/errors.ts';
import { assessReplication } from '../../src/evidence/assess-replication.ts';
import { comparisonEffects } from '../../src/evidence/comparison-effects.ts';
import { loadEvidence } from '../../src/evidence/load-evidence.ts';
import { poolIndependent } from '../../src/evidence/pool-independent.ts';
import { replicationEvidenceTable } from '../../src/report/replication-evidence-table.ts';
import { replicationMarkdown } from '../../src/report/replication-markdown.ts';
import { replicationText } from '../../src/report/replication-text.ts';

import { arm, claim, evidence, study, trial } from '../evidence/build.ts';

type Json = unknown;

/** A small base with what the seed lacks: SDs, SEs, authors, a cohort, a p-value, an ongoing study. */
export const SYNTHETIC_BASE: Json = evidence({
  studies: [
    study({ id: 'A', group: 'Oslo', authors: ['K. Lee'], cohort: 'HUNT' }),
    study({ id: 'B', group: 'Lyon', n: 80 }),
    study({ id: 'P', status: 'ongoing', resultsExpected: '2026–2027' }),
  ],
  arms: [...trial('A', 4), arm('B', 'drug', 12, { se: 0.5 }), arm('B', 'placebo', 10, { se: 0.6 }), arm('P', 'drug', null, { outcome: null, timepoint: null })],
  claims: [claim('A', { significant: true, pValue: 0.01, direction: 'positive' })],
});
type Path = readonly (string | number)[];

/** Every path into a JSON tree (objects, arrays and leaves), the root excluded. */
export function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => [[...prefix, k], ...pathsOf((value as Record<string | number, Json>)[k], [...prefix, k])]);
}

const ODD_STRINGS = [
  '', ' ', '\u00a0', '\u200b', '\u200e\u202e', 'A\u0301', 'Å', 'ﬁ', 'Ｓｅｏｕｌ', '\ud800', '🧪'.repeat(3), 'a\nb', '# h\n- x', '| x |', '<b>x</b>',
  '[x](javascript:0)', '2026–2027', '2026-2027', 'mid-2027', '2026-27', '0999', '9999-12-31', '0000-02-29', 'null', 'undefined', '__proto__', 'constructor',
  'x'.repeat(5000),
];
const ODD_NUMBERS = [0, -0, 1, -1, 0.5, 2.5, NaN, Infinity, -Infinity, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e154, 1e-300, 2 ** 53 + 1, 1e21, 2022, 999, 10000];

/** Values a mutation writes: odd strings and numbers, wrong types, sparse arrays and exotic objects. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...ODD_STRINGS, ...ODD_NUMBERS, null, undefined, true, false, [], {}, [1, , 3], [null], 10n, new Date(0), new Map(), Object.create(null)),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.double(),
  fc.integer(),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxKeys: 3 }),
);

/** One mutation at a path: delete, overwrite, make a hole, duplicate or swap rows, perturb a string. */
export type Mutation =
  | { kind: 'delete' | 'hole' | 'duplicate' | 'upper' | 'space' | 'nfkd'; path: Path }
  | { kind: 'set'; path: Path; value: unknown }
  | { kind: 'swap'; path: Path; other: number }
  | { kind: 'cycle'; path: Path };

export function mutationOf(paths: readonly Path[]): fc.Arbitrary<Mutation> {
  const path = fc.constantFrom(...paths);
  return fc.oneof(
    { arbitrary: fc.record({ kind: fc.constantFrom('delete', 'hole', 'duplicate', 'upper', 'space', 'nfkd', 'cycle' as const), path }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('set' as const), path, value: oddValue }), weight: 4 },
    { arbitrary: fc.record({ kind: fc.constant('swap' as const), path, other: fc.nat(8) }), weight: 1 },
  ) as fc.Arbitrary<Mutation>;
}

/** Applies mutations to a copy of `base`; a mutation whose path no longer exists is skipped. */
export function mutate(base: Json, mutations: readonly Mutation[]): Json {
  const root = structuredClone(base) as Record<string | number, unknown>;
  for (const m of mutations) {
    let parent: unknown = root;
    for (const key of m.path.slice(0, -1)) parent = parent !== null && typeof parent === 'object' ? (parent as Record<string | number, unknown>)[key] : undefined;
    if (parent === null || typeof parent !== 'object') continue;
    const p = parent as Record<string | number, unknown>;
    const key = m.path.at(-1)!;
    const value = p[key];
    switch (m.kind) {
      case 'delete':
        delete p[key];
        break;
      case 'hole':
        if (Array.isArray(parent)) parent.length += 1;
        delete p[key];
        break;
      case 'set':
        p[key] = freshCopy(m.value);
        break;
      case 'duplicate':
        if (Array.isArray(parent)) parent.push(structuredClone(value));
        break;
      case 'swap':
        if (Array.isArray(parent) && typeof key === 'number') [parent[key], parent[m.other % parent.length]] = [parent[m.other % parent.length], parent[key]];
        break;
      case 'upper':
        if (typeof value === 'string') p[key] = value.toUpperCase();
        break;
      case 'space':
        if (typeof value === 'string') p[key] = `\u00a0${value.replace(/ /g, '  ')}\u200b `;
        break;
      case 'nfkd':
        if (typeof value === 'string') p[key] = value.normalize('NFKD');
        break;
      case 'cycle':
        if (value !== null && typeof value === 'object') (value as Record<string, unknown>).self = root;
        break;
    }
  }
  return root;
}

/** A shallow copy of a generated value, so that no run changes a value another run reuses. */
function freshCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.slice(); // keeps holes
  if (value instanceof Map) return new Map(value);
  if (value instanceof Date) return new Date(value.getTime());
  return Object.assign(Object.create(Object.getPrototypeOf(value) as object | null) as object, value);
}

/**
 * Runs every evidence entry point on `input`: each may succeed or throw the project's
 * `InputError`; any other throw is a bug and is rethrown. A success must be deeply frozen and
 * survive a JSON round trip, and a loaded evidence base must load again as itself.
 */
export function exercise(input: Json): void {
  const tolerate = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (e instanceof InputError) return undefined;
      throw e;
    }
  };
  const base = tolerate(() => loadEvidence(input));
  const assessment = tolerate(() => assessReplication(input));
  if (base === undefined) {
    if (assessment !== undefined) throw new Error('assessReplication accepted what loadEvidence rejected');
    return;
  }
  roundTrips(base);
  if (!deepEqual(loadEvidence(JSON.parse(JSON.stringify(base))), base)) throw new Error('a loaded evidence base does not load again as itself');
  if (assessment === undefined) return;
  roundTrips(assessment);
  replicationMarkdown(assessment);
  replicationText(assessment);
  replicationEvidenceTable(base);
  for (const c of base.comparisons) {
    tolerate(() => roundTrips(comparisonEffects(base, c, { assume: { sd: 10, splitStudyN: true, armN: 20 } })));
    tolerate(() => roundTrips(poolIndependent(base, c, { assume: { sd: 10, armN: 20 }, measure: 'SMD' })));
  }
}

function roundTrips(result: unknown): void {
  const again = JSON.parse(JSON.stringify(result)) as unknown;
  if (JSON.stringify(again) !== JSON.stringify(result) || !deeplyFrozen(result)) throw new Error('result does not survive JSON or is not frozen');
  if (!deepEqual(again, result)) throw new Error('result changes in a JSON round trip');
}

function deeplyFrozen(value: unknown): boolean {
  return value === null || typeof value !== 'object' || (Object.isFrozen(value) && Object.values(value).every(deeplyFrozen));
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
