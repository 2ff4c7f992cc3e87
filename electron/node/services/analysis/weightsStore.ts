/**
 * Spatial weights are computed once per layer content and kept: the store holds the binary weights under
 * the layer's fingerprint (its keys and geometry bytes) and the weights specification, so the Analyse tab
 * can switch indicators, corrections and periods without recomputing them, and a changed layer is never
 * served stale weights. Kept in memory for the running backend (a few layers; the oldest goes first);
 * computing them again after a restart takes well under a second even for Germany's 11 000 Gemeinden.
 */
import type { z } from 'zod';
import type { weightsSpec } from '../../../../shared/contract/methods/analysis';
import { UserError } from '../../../../shared/contract/errors';
import { contiguityWeights } from '../../../../shared/spatial/contiguityWeights';
import { areaCentroids, nearestNeighbourWeights } from '../../../../shared/spatial/nearestNeighbourWeights';
import type { SpatialWeights } from '../../../../shared/spatial/spatialWeights';
import { layerFingerprint } from '../../storage/layerFingerprint';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readAreas } from '../../storage/projectReader';

export type WeightsSpec = z.output<typeof weightsSpec>;

const MAXIMUM_KEPT = 12;
const kept = new Map<string, SpatialWeights>();

function specText(spec: WeightsSpec): string {
  return spec.type === 'knn' ? `knn:${spec.k}` : spec.type;
}

/**
 * The binary weights of a layer's areas in stored order (the order readAreas and indicator values use).
 * @example layerWeights(db, 'gemeinden', { type: 'queen', k: 4 }).weights.keys.length // 21
 */
export function layerWeights(db: SqliteDatabase, layerName: string, spec: WeightsSpec): { weights: SpatialWeights; cached: boolean } {
  const id = `${layerFingerprint(db, layerName)}:${specText(spec)}`;
  const found = kept.get(id);
  if (found) {
    kept.delete(id);
    kept.set(id, found);
    return { weights: found, cached: true };
  }
  const areas = readAreas(db, layerName);
  if (spec.type === 'knn' && spec.k >= areas.length) {
    throw new UserError('bad-input', {
      de: `Für ${spec.k} nächste Nachbarn braucht die Ebene mehr als ${spec.k} Gebiete, sie hat ${areas.length}. Bitte weniger Nachbarn wählen.`,
      en: `${spec.k} nearest neighbours need more than ${spec.k} areas; the layer has ${areas.length}. Please choose fewer neighbours.`,
    });
  }
  const weights =
    spec.type === 'knn'
      ? nearestNeighbourWeights(
          areas.map((area) => area.key),
          areaCentroids(areas),
          spec.k,
        )
      : contiguityWeights(areas, spec.type);
  kept.set(id, weights);
  while (kept.size > MAXIMUM_KEPT) kept.delete(kept.keys().next().value as string);
  return { weights, cached: false };
}
