import { assertLevel, InputError, numberCode } from '../errors.ts';
import { normalQuantile } from '../distributions/normal.ts';
import { effectSizes } from '../effect-sizes/effect-sizes.ts';
import type { Interval, Provenance } from '../types.ts';
import { checkOptions } from '../check-options.ts';
import { frozenCopy } from './deep-freeze.ts';
import type { Comparison, EvidenceArm, EvidenceBase, EvidenceStudy } from './evidence-base.ts';
import { loadEvidence } from './load-evidence.ts';
import { matchArms } from './match-arms.ts';
import { nameKey } from './name-key.ts';
import { readComparison } from './read-comparison.ts';

/**
 * Values an analysis assumes where the sources are silent. Each use is listed in the
 * effect's `assumptions`; reported values always win.
 */
export interface EffectAssumptions {
  /** SD of every arm that reports neither an SD nor an SE with its n. */
  readonly sd?: number;
  /** Size of every arm whose n is not reported (after `splitStudyN`). */
  readonly armN?: number;
  /** Split a study's reported total n equally among its arms (distinct arm names, compared by `nameKey`). */
  readonly splitStudyN?: boolean;
}

/** Options of `comparisonEffects`. */
export interface ComparisonEffectsOptions {
  readonly assume?: EffectAssumptions;
  /** Confidence level of the per-study intervals; default 0.95. */
  readonly level?: number;
}

/** Where an arm's n or SD came from. */
export type ValueSource = 'reported' | 'derived' | 'assumed' | 'unknown';

/** One arm's summary as used in an effect, with where each value came from. */
export interface ArmValues {
  readonly arm: string;
  readonly mean: number | null;
  readonly n: number | null;
  readonly sd: number | null;
  readonly se: number | null;
  readonly nSource: ValueSource;
  readonly sdSource: ValueSource;
}

/** One published study's effect for a comparison: intervention minus comparator. */
export interface StudyEffect {
  readonly study: string;
  readonly label: string;
  readonly year: number | null;
  readonly group: string;
  readonly outcome: string | null;
  readonly timepoint: string | null;
  readonly intervention: ArmValues;
  readonly comparator: ArmValues;
  /** Mean difference m₁ − m₂ in the outcome's units; `null` when a mean is not reported. */
  readonly meanDifference: number | null;
  /** Sampling variance of the mean difference; `null` when SDs (or SEs) are unknown. */
  readonly variance: number | null;
  readonly se: number | null;
  /** Wald interval md ± z·se at `level`; `null` without a variance. */
  readonly ci: Interval | null;
  /** Hedges' g (metafor `SMD`); `null` without SDs and sizes of both arms. */
  readonly smd: number | null;
  readonly smdVariance: number | null;
  readonly smdCi: Interval | null;
  /** Provenance of the variance: reported, derived (SD from SE) or assumed; `null` without one. */
  readonly provenance: Provenance | null;
  /** Every assumption used, as sentences. */
  readonly assumptions: readonly string[];
}

interface Resolved {
  readonly values: ArmValues;
  readonly sentences: string[];
}

const ASSUME_KEYS = ['sd', 'armN', 'splitStudyN'] as const;

/** Validates `assume` (unknown keys suggest the nearest) and returns it. Internal helper. */
export function readAssumptions(value: unknown): EffectAssumptions {
  const assume = checkOptions<EffectAssumptions>(value, ASSUME_KEYS, 'options.assume');
  if (assume.sd !== undefined && !(typeof assume.sd === 'number' && Number.isFinite(assume.sd) && assume.sd > 0)) {
    throw new InputError('must be a positive number', { field: 'assume.sd', value: assume.sd, code: numberCode(assume.sd) });
  }
  if (assume.armN !== undefined && !(typeof assume.armN === 'number' && Number.isFinite(assume.armN) && assume.armN >= 1)) {
    throw new InputError('must be a number of participants, at least 1', { field: 'assume.armN', value: assume.armN, code: numberCode(assume.armN) });
  }
  if (assume.splitStudyN !== undefined && typeof assume.splitStudyN !== 'boolean') {
    throw new InputError('must be true or false', { field: 'assume.splitStudyN', value: assume.splitStudyN, code: 'E_INVALID_TYPE' });
  }
  return assume;
}

/** Throws when a computed number overflowed (arm values too large to compute with). */
function checkFinite(effect: StudyEffect): StudyEffect {
  const values = { meanDifference: effect.meanDifference, variance: effect.variance, smd: effect.smd, smdVariance: effect.smdVariance, ciLower: effect.ci?.lower, ciUpper: effect.ci?.upper, smdCiLower: effect.smdCi?.lower, smdCiUpper: effect.smdCi?.upper };
  for (const [name, x] of Object.entries(values)) {
    if (x !== null && x !== undefined && !Number.isFinite(x)) {
      throw new InputError(`the arm values are too large to compute with: ${name} is not a finite number`, { field: 'arms', study: effect.study, value: x, code: 'E_NOT_ESTIMABLE' });
    }
  }
  return effect;
}

function resolveArm(arm: EvidenceArm, study: EvidenceStudy, armCount: number, assume: EffectAssumptions): Resolved {
  const sentences: string[] = [];
  let n = arm.n;
  let nSource: ValueSource = n === null ? 'unknown' : 'reported';
  if (n === null && assume.splitStudyN && study.n !== null && armCount > 0) {
    n = study.n / armCount;
    nSource = 'assumed';
    sentences.push(`${study.label}: n of the ${arm.arm} arm assumed to be ${n} (${study.n} participants split equally between ${armCount} arms; the split is not reported).`);
  } else if (n === null && assume.armN !== undefined) {
    n = assume.armN;
    nSource = 'assumed';
    sentences.push(`${study.label}: n of the ${arm.arm} arm assumed to be ${n} (not reported).`);
  }
  let sd = arm.sd;
  let sdSource: ValueSource = sd === null ? 'unknown' : 'reported';
  if (sd === null && arm.se !== null && n !== null) {
    sd = arm.se * Math.sqrt(n);
    sdSource = 'derived';
    if (!Number.isFinite(sd)) {
      throw new InputError(`the arm values are too large to compute with: SD = SE·√n of the ${arm.arm} arm overflows to Infinity`, { field: 'arms.se', study: study.id, value: arm.se, code: 'E_NOT_FINITE' });
    }
  } else if (sd === null && arm.se === null && assume.sd !== undefined) {
    sd = assume.sd;
    sdSource = 'assumed';
    sentences.push(`${study.label}: SD of the ${arm.arm} arm assumed to be ${sd} (not reported).`);
  }
  return { values: { arm: arm.arm, mean: arm.mean, n, sd, se: arm.se, nSource, sdSource }, sentences };
}

function interval(estimate: number, variance: number, z: number): Interval {
  const half = z * Math.sqrt(variance);
  return { lower: estimate - half, upper: estimate + half };
}

function provenanceOf(a: ArmValues, b: ArmValues): Provenance {
  for (const x of [a, b]) if (x.sdSource === 'assumed' && x.sd !== null) return { kind: 'assumed', value: x.sd };
  for (const x of [a, b]) if (x.nSource === 'assumed' && x.n !== null) return { kind: 'assumed', value: x.n };
  if (a.sdSource === 'derived' || b.sdSource === 'derived') return { kind: 'derived', formula: 'SD = SE·√n' };
  return { kind: 'reported' };
}

/** MD (and SMD) through the shared `effectSizes`, for arms with a mean, SD and n each. */
function fromSummaries(id: string, a: ArmValues, b: ArmValues, provenance: Provenance) {
  const row = [{ study: id, m1i: a.mean, sd1i: a.sd, n1i: a.n, m2i: b.mean, sd2i: b.sd, n2i: b.n }];
  const md = effectSizes('MD', row, { provenance: [provenance] });
  if (Number.isNaN(md.vi[0])) {
    throw new InputError(`the arm values are too large to compute with (${md.warnings.join('; ') || 'the variance is undefined'})`, { field: 'arms', study: id, code: 'E_NOT_ESTIMABLE' });
  }
  const canStandardize = (a.n ?? 0) >= 2 && (b.n ?? 0) >= 2;
  const smd = canStandardize ? effectSizes('SMD', row, { provenance: [provenance] }) : null;
  const num = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : x);
  return {
    variance: num(md.vi[0]),
    smd: smd ? num(smd.yi[0]) : null,
    smdVariance: smd ? num(smd.vi[0]) : null,
  };
}

/**
 * Each published study's effect for one comparison, from the reported arm summaries:
 * the mean difference MD = m₁ − m₂ with variance s₁²/n₁ + s₂²/n₂ and Hedges' g (metafor's
 * `MD` and `SMD`, computed by `effectSizes`), where both arms have a mean, an SD and an n.
 * An SD missing but an SE and n reported gives SD = SE·√n (provenance `derived`); an arm with
 * an SE but no n contributes SE² to the MD variance directly (no SMD). Unknown SDs and sizes
 * stay unknown (`variance: null`, `smd: null`) unless `assume` supplies them; every assumption
 * that entered a variance is written into `assumptions`. Intervals are Wald intervals with the normal quantile.
 * Scale: the outcome's units (MD) and SD units (SMD).
 *
 * Every argument is validated first: the comparison (a finding of `assessReplication` also
 * serves), unknown option keys (an error suggesting the nearest), the assumptions and the
 * level. The result is deeply frozen and shares nothing with the input.
 *
 * @throws {InputError} for an invalid evidence base (see `loadEvidence`) or comparison, an
 *   unknown option, an invalid assumption, a level outside (0, 1), or arm values so large that
 *   the difference or variance overflows (naming the study).
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * const cmVsPlacebo6m = seed.comparisons[0]; // CM vs placebo, additional hairs per cm², 6 months
 * comparisonEffects(seed, cmVsPlacebo6m, { assume: { sd: 10, splitStudyN: true } })[0]
 * // => { study: 'snu-2022', meanDifference: 8.7, variance: 6.666667, smd: 0.858…, ... }
 * //    (8.7 = 11.5 − 2.8; 6.666667 = 10²/30 + 10²/30)
 */
export function comparisonEffects(
  evidence: unknown,
  comparison: Comparison,
  options: ComparisonEffectsOptions = {},
): readonly StudyEffect[] {
  const base = loadEvidence(evidence);
  const wanted = readComparison(comparison, { field: 'comparison' }, true);
  const opts = checkOptions<ComparisonEffectsOptions>(options, ['assume', 'level']);
  const assume = readAssumptions(opts.assume);
  const level = opts.level ?? 0.95;
  assertLevel(level);
  return frozenCopy(effectsOf(base, wanted, assume, level));
}

/** `comparisonEffects` on validated arguments (no copy, not frozen). Internal helper. */
export function effectsOf(base: EvidenceBase, comparison: Comparison, assume: EffectAssumptions, level: number): StudyEffect[] {
  const z = normalQuantile((1 + level) / 2);
  return matchArms(base, comparison).contrasts.map((contrast): StudyEffect => {
    const { study } = contrast;
    const armCount = new Set(base.arms.filter((a) => a.study === study.id).map((a) => nameKey(a.arm))).size;
    const a = resolveArm(contrast.intervention, study, armCount, assume);
    const b = resolveArm(contrast.comparator, study, armCount, assume);
    const [x, y] = [a.values, b.values];
    const md = x.mean !== null && y.mean !== null ? x.mean - y.mean : null;
    let variance: number | null = null;
    let smd: number | null = null;
    let smdVariance: number | null = null;
    let provenance: Provenance | null = null;
    if (md !== null && x.sd !== null && x.n !== null && y.sd !== null && y.n !== null) {
      provenance = provenanceOf(x, y);
      ({ variance, smd, smdVariance } = fromSummaries(study.id, x, y, provenance));
    } else if (md !== null) {
      const armVariance = (v: ArmValues) => (v.se !== null ? v.se * v.se : v.sd !== null && v.n !== null ? (v.sd * v.sd) / v.n : null);
      const [vx, vy] = [armVariance(x), armVariance(y)];
      if (vx !== null && vy !== null) {
        variance = vx + vy;
        provenance = provenanceOf(x, y);
      }
    }
    return checkFinite({
      study: study.id,
      label: study.label,
      year: study.year,
      group: study.group,
      outcome: contrast.outcome,
      timepoint: contrast.timepoint,
      intervention: x,
      comparator: y,
      meanDifference: md,
      variance,
      se: variance === null ? null : Math.sqrt(variance),
      ci: md !== null && variance !== null ? interval(md, variance, z) : null,
      smd,
      smdVariance,
      smdCi: smd !== null && smdVariance !== null ? interval(smd, smdVariance, z) : null,
      provenance,
      assumptions: variance === null ? [] : [...a.sentences, ...b.sentences],
    });
  });
}
