/** Log-likelihood, deviance and information criteria of a `multivariate` fit (metafor's `fitstats`). */
export interface MultivariateFitStatistics {
  readonly logLik: number;
  readonly deviance: number;
  readonly aic: number;
  readonly bic: number;
  readonly aicc: number;
  /** Coefficients plus estimated variance parameters (metafor's `parms`). */
  readonly parameters: number;
}

/**
 * metafor's `rma.mv` fit statistics for the method used, with q = p + (free variance
 * parameters) and n = k (ML) or k − p (REML): AIC = −2ℓ + 2q, BIC = −2ℓ + q log n,
 * AICc = −2ℓ + 2q·max(n, q + 2)/(max(n, q + 2) − q − 1); the deviance is −2(ℓ − ℓ_sat) under ML,
 * with ℓ_sat = −½(k log 2π + log|V|), and −2ℓ under REML.
 *
 * @param saturated  ℓ_sat (only used under ML)
 * @example
 * fitStatisticsOf(3.6917676943702, true, 10, 2, 3, 0).aicc // => 32.6164646
 */
export function fitStatisticsOf(logLik: number, reml: boolean, k: number, p: number, varianceParameters: number, saturated: number): MultivariateFitStatistics {
  const q = p + varianceParameters;
  const n = reml ? k - p : k;
  const m = Math.max(n, q + 2);
  return {
    logLik,
    deviance: reml ? -2 * logLik : -2 * (logLik - saturated),
    aic: -2 * logLik + 2 * q,
    bic: -2 * logLik + q * Math.log(n),
    aicc: -2 * logLik + (2 * q * m) / (m - q - 1),
    parameters: q,
  };
}
