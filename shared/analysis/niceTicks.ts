/**
 * Axis ticks at round numbers (1, 2, 2,5 or 5 × 10ⁿ apart), for the scatter plots of the app and the figures.
 */

/**
 * Round tick values covering [minimum, maximum], about `count` of them.
 * @example niceTicks(-1.2, 3.4) // [-1, 0, 1, 2, 3]
 */
export function niceTicks(minimum: number, maximum: number, count = 5): number[] {
  if (!(maximum > minimum)) return [minimum];
  const rough = (maximum - minimum) / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * magnitude >= rough) ?? 10) * magnitude;
  const ticks: number[] = [];
  for (let tick = Math.ceil(minimum / step) * step; tick <= maximum + step * 1e-9; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return ticks;
}
