// Properties of the replication judgement on random synthetic evidence bases (fast-check, fixed
// seed): the verdict does not depend on the order of studies and arms, nor on how a group's
// name is spelt (case, spacing, no-break spaces, full-width forms); every result survives JSON.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessReplication, type ReplicationAssessment } from '../../src/evidence/assess-replication.ts';
import { loadEvidence } from '../../src/evidence/load-evidence.ts';
import { arm, claim, evidence, study, trial } from './build.ts';

const GROUPS = ['Oslo University', 'Lyon Institute', 'Kyiv Centre'];

interface Spec {
  group: number;
  md: number;
  sd: number | null;
  claimed: boolean | null;
}

const specs = fc.array(
  fc.record({
    group: fc.nat(GROUPS.length - 1),
    md: fc.constantFrom(-5, -0.3, 0, 0.3, 5),
    sd: fc.constantFrom(null, 2, 20),
    claimed: fc.constantFrom(null, true, false),
  }),
  { minLength: 1, maxLength: 6 },
);

/** A perturbed spelling of a name: the same name by `nameKey`. */
const spelling = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toUpperCase(),
  (s: string) => ` ${s.replace(' ', '  ')} `,
  (s: string) => s.replace(' ', '\u00a0'),
  (s: string) => s.replace(/[A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), // full-width forms
);

function build(list: readonly Spec[], groupName: (i: number, g: string) => string = (_i, g) => g): Record<string, unknown> {
  const ids = list.map((_, i) => `S${i}`);
  return evidence({
    studies: list.map((s, i) => study({ id: ids[i]!, group: groupName(i, GROUPS[s.group]!) })),
    arms: list.flatMap((s, i) => (s.sd === null ? [arm(ids[i]!, 'drug', 10 + s.md), arm(ids[i]!, 'placebo', 10)] : trial(ids[i]!, s.md, s.sd))),
    claims: list.flatMap((s, i) => (s.claimed === null ? [] : [claim(ids[i]!, { significant: s.claimed })])),
  });
}

function verdict(a: ReplicationAssessment) {
  const f = a.findings[0]!;
  return { status: f.status, clusters: f.clusters.map((c) => [...c].sort()).sort() };
}

describe('replication properties', () => {
  it('the verdict does not depend on the order of studies, arms and claims', () => {
    fc.assert(
      fc.property(specs, fc.infiniteStream(fc.nat()), (list, randoms) => {
        const raw = build(list);
        const shuffled = (xs: unknown[]) => xs.map((x) => [randoms.next().value as number, x] as const).sort((p, q) => p[0] - q[0]).map((p) => p[1]);
        const permuted = { ...raw, studies: shuffled(raw.studies as unknown[]), arms: shuffled(raw.arms as unknown[]), claims: shuffled((raw.claims ?? []) as unknown[]) };
        expect(verdict(assessReplication(permuted))).toEqual(verdict(assessReplication(raw)));
      }),
      { seed: 20261201, numRuns: 150 },
    );
  });

  it('the verdict does not depend on how a group is spelt, and the merge is reported', () => {
    fc.assert(
      fc.property(specs, fc.array(spelling, { minLength: 6, maxLength: 6 }), (list, spell) => {
        const plain = assessReplication(build(list));
        const respelt = assessReplication(build(list, (i, g) => spell[i]!(g)));
        expect(verdict(respelt)).toEqual(verdict(plain));
        const spellings = new Set(list.map((s, i) => `${s.group}:${spell[i]!(GROUPS[s.group]!)}`));
        const merged = new Set(list.map((s) => s.group)).size < spellings.size;
        expect(respelt.mergedNames.length > 0).toBe(merged);
      }),
      { seed: 20261202, numRuns: 150 },
    );
  });

  it('every result survives a JSON round trip, and a loaded base loads again as itself', () => {
    fc.assert(
      fc.property(specs, (list) => {
        const raw = build(list);
        const a = assessReplication(raw);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
        const base = loadEvidence(raw);
        expect(loadEvidence(JSON.parse(JSON.stringify(base)))).toEqual(base);
      }),
      { seed: 20261203, numRuns: 100 },
    );
  });
});
