import { normalQuantile } from '../distributions/normal.ts';

/** What a new two-arm study needs to show a significant difference (two-sided z test, equal arms). */
export interface ReplicationRequirement {
  /** The SD used, and whether it was reported by the studies or assumed. */
  readonly sd: number;
  readonly sdSource: 'reported' | 'assumed';
  /** The difference the new study is assumed to find: the current estimate. */
  readonly targetDifference: number;
  /** Smallest n per arm for which that difference is significant: ⌊2z²σ²/Δ²⌋ + 1. */
  readonly armNForSignificance: number;
  /** n per arm for the stated power at that difference: ⌈2(z + z_β)²σ²/Δ²⌉. */
  readonly armNForPower: number;
  readonly power: number;
  /** Arm size of the reference study (reported or assumed), `null` when unknown. */
  readonly armN: number | null;
  /** Smallest |difference| significant with `armN` per arm: z·σ·√(2/n). */
  readonly minimalDifference: number | null;
}

/**
 * The size and effect a new two-arm study needs for a significant result at `level`
 * (two-sided z test on the mean difference with a common SD σ and n per arm: significant when
 * |Δ| > z₁₋α/₂·σ·√(2/n); power 1 − β when n ≥ 2(z₁₋α/₂ + z₁₋β)²σ²/Δ², e.g. Chow, Shao & Wang,
 * Sample Size Calculations in Clinical Research, 2008, 3.2.1). Internal helper of `whatWouldChange`.
 */
export function replicationRequirement(args: { sd: number; sdSource: 'reported' | 'assumed'; difference: number; armN: number | null; level: number; power: number }): ReplicationRequirement {
  const z = normalQuantile((1 + args.level) / 2);
  const zb = normalQuantile(args.power);
  const ratio = (args.sd * args.sd) / (args.difference * args.difference);
  return {
    sd: args.sd,
    sdSource: args.sdSource,
    targetDifference: args.difference,
    armNForSignificance: Math.floor(2 * z * z * ratio) + 1,
    armNForPower: Math.ceil(2 * (z + zb) ** 2 * ratio),
    power: args.power,
    armN: args.armN,
    minimalDifference: args.armN === null ? null : z * args.sd * Math.sqrt(2 / args.armN),
  };
}
