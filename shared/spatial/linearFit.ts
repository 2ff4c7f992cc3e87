/**
 * The straight line through a scatter plot and how well it fits: ordinary least squares
 * y = intercept + slope · x and Pearson's correlation r (R's `lm(y ~ x)` and `cor(x, y)`).
 *
 *   slope = Σ (x − x̄)(y − ȳ) / Σ (x − x̄)²,  intercept = ȳ − slope · x̄
 *   r = Σ (x − x̄)(y − ȳ) / √(Σ (x − x̄)² · Σ (y − ȳ)²)
 *
 * In the Moran scatter plot (standardised value against its spatial lag, row-standardised weights) the
 * slope of this line is Moran's I.
 */

export interface LinearFit {
  /** Number of points used (pairs where both values are numbers). */
  count: number;
  slope: number | null;
  intercept: number | null;
  /** Pearson correlation; null when either variable is constant or fewer than 3 points. */
  correlation: number | null;
}

/**
 * @example linearFit([1, 2, 3], [2, 4, 6]) // { count: 3, slope: 2, intercept: 0, correlation: 1 }
 */
export function linearFit(xs: readonly (number | null)[], ys: readonly (number | null)[]): LinearFit {
  const pairs: [number, number][] = [];
  xs.forEach((x, index) => {
    const y = ys[index];
    if (x !== null && y !== null && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) pairs.push([x, y]);
  });
  const count = pairs.length;
  if (count < 2) return { count, slope: null, intercept: null, correlation: null };
  const meanX = pairs.reduce((sum, [x]) => sum + x, 0) / count;
  const meanY = pairs.reduce((sum, [, y]) => sum + y, 0) / count;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const [x, y] of pairs) {
    sxx += (x - meanX) ** 2;
    syy += (y - meanY) ** 2;
    sxy += (x - meanX) * (y - meanY);
  }
  const slope = sxx > 0 ? sxy / sxx : null;
  return {
    count,
    slope,
    intercept: slope === null ? null : meanY - slope * meanX,
    correlation: sxx > 0 && syy > 0 && count >= 3 ? sxy / Math.sqrt(sxx * syy) : null,
  };
}
