/**
 * Order of the quality flags from weakest to strongest. A figure derived from several observations is only
 * as good as the weakest of them, so the derived figure carries the weakest flag.
 */
import type { QualityFlag } from '../model/project';

const QUALITY_STRENGTH: Record<QualityFlag, number> = { suppressed: 0, synthetic: 1, projected: 2, estimated: 3, counted: 4 };

/**
 * The weakest quality among `flags`, or null when there are none.
 * @example weakestQuality(['counted', 'estimated']) // 'estimated'
 */
export function weakestQuality(flags: Iterable<QualityFlag | null>): QualityFlag | null {
  let weakest: QualityFlag | null = null;
  for (const flag of flags) {
    if (flag === null) continue;
    if (weakest === null || QUALITY_STRENGTH[flag] < QUALITY_STRENGTH[weakest]) weakest = flag;
  }
  return weakest;
}
