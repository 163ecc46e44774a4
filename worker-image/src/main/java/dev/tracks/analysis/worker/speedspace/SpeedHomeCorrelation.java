package dev.tracks.analysis.worker.speedspace;

/**
 * Spearman's rank correlation between a user's moving fixes' speeds and their distances from home.
 *
 * @param count pairs (moving fixes); 0 when the user has no home
 * @param rho Spearman's rho; NaN with fewer than 3 pairs or when one side is constant
 * @param p two-sided p value of rho; NaN where rho is
 */
public record SpeedHomeCorrelation(int count, double rho, double p) {
}
