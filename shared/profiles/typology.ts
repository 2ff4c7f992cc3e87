/**
 * Groups areas by their profiles: k-means on standardised shares (age structure, foreign and refugee share,
 * status mix), seeded deterministically, with the mean silhouette as a quality hint for the number of
 * groups and a short description of what sets each group apart. Pure.
 */
import type { LocalizedText } from '../model/project';
import type { AreaProfile, ProfileSet } from './profileTypes';

export interface TypologyFeature {
  id: string;
  label: LocalizedText;
}

export interface TypologyGroup {
  /** 1-based group number as shown to users. */
  number: number;
  keys: string[];
  /** What sets the group apart: the features furthest from the mean, e.g. "höherer Anteil unter 18 Jahre". */
  description: LocalizedText;
}

export interface Typology {
  k: number;
  /** Group number (1-based) per area key. */
  groupOf: Record<string, number>;
  groups: TypologyGroup[];
  /** Mean silhouette width (−1 … 1; above 0,5 a clear structure, below 0,25 hardly any). */
  silhouette: number;
  /** Areas left out because a feature was missing or suppressed. */
  excludedKeys: string[];
}

/** Features: age shares of the population, refugee and foreign share, status shares of refugees. */
export function typologyFeatures(set: ProfileSet): { features: TypologyFeature[]; vectorOf: (area: AreaProfile) => number[] | null } {
  const features: TypologyFeature[] = [
    ...set.ageGroups.map((group) => ({ id: `age:${group.id}`, label: { de: `Anteil ${group.label.de}`, en: `share ${group.label.en}` } })),
    { id: 'refugeeShare', label: { de: 'Anteil Schutzsuchende', en: 'share of persons seeking protection' } },
    { id: 'foreignShare', label: { de: 'Ausländeranteil', en: 'share of foreign nationals' } },
    ...set.statuses.map((status) => ({ id: `status:${status.id}`, label: { de: `Anteil ${status.label.de}`, en: `share ${status.label.en}` } })),
  ];
  const vectorOf = (area: AreaProfile): number[] | null => {
    const vector: (number | null)[] = [
      ...area.pyramid.map((row) => (row.male.share !== null && row.female.share !== null ? row.male.share + row.female.share : null)),
      area.indicators.refugeeShare ?? null,
      area.indicators.foreignShare ?? null,
      ...area.status.map((cell) => cell.share),
    ];
    return vector.every((value): value is number => value !== null) ? (vector as number[]) : null;
  };
  return { features, vectorOf };
}

/** Standardises columns to mean 0 and standard deviation 1 (constant columns become 0). */
export function standardise(rows: readonly number[][]): number[][] {
  if (rows.length === 0) return [];
  const columns = (rows[0] as number[]).length;
  const means = new Array<number>(columns).fill(0);
  const deviationsSquared = new Array<number>(columns).fill(0);
  for (const row of rows) row.forEach((value, column) => (means[column] = (means[column] as number) + value / rows.length));
  for (const row of rows) row.forEach((value, column) => (deviationsSquared[column] = (deviationsSquared[column] as number) + (value - (means[column] as number)) ** 2 / rows.length));
  const deviationsOf = deviationsSquared.map(Math.sqrt);
  return rows.map((row) => row.map((value, column) => ((deviationsOf[column] as number) > 0 ? (value - (means[column] as number)) / (deviationsOf[column] as number) : 0)));
}

function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < a.length; index++) sum += ((a[index] as number) - (b[index] as number)) ** 2;
  return sum;
}

/** mulberry32: a small deterministic generator, so the same data and k always give the same groups. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * k-means (Lloyd) with k-means++ starts from a fixed seed, best of `restarts` runs by within-group sum of squares.
 * Returns the group index (0-based) per row; groups are renumbered by first appearance so the labelling is stable.
 * @example kMeans([[0], [0.1], [5], [5.2]], 2) // [0, 0, 1, 1]
 */
export function kMeans(points: readonly number[][], k: number, restarts = 8, seed = 20151231): number[] {
  const count = points.length;
  if (count === 0) return [];
  const groups = Math.max(1, Math.min(k, count));
  let best: number[] = new Array<number>(count).fill(0);
  let bestCost = Number.POSITIVE_INFINITY;
  for (let run = 0; run < restarts; run++) {
    const random = seededRandom(seed + run * 7919);
    const centres: number[][] = [[...(points[Math.floor(random() * count)] as number[])]];
    while (centres.length < groups) {
      const distances = points.map((point) => Math.min(...centres.map((centre) => squaredDistance(point, centre))));
      const total = distances.reduce((sum, value) => sum + value, 0);
      let target = random() * total;
      let chosen = 0;
      for (let index = 0; index < count; index++) {
        target -= distances[index] as number;
        if (target <= 0) {
          chosen = index;
          break;
        }
      }
      if (total === 0) chosen = centres.length;
      centres.push([...(points[Math.min(chosen, count - 1)] as number[])]);
    }
    let assignment = new Array<number>(count).fill(-1);
    for (let iteration = 0; iteration < 100; iteration++) {
      const next = points.map((point) => {
        let nearest = 0;
        let nearestDistance = Number.POSITIVE_INFINITY;
        centres.forEach((centre, index) => {
          const distance = squaredDistance(point, centre);
          if (distance < nearestDistance) {
            nearestDistance = distance;
            nearest = index;
          }
        });
        return nearest;
      });
      const stable = next.every((group, index) => group === assignment[index]);
      assignment = next;
      if (stable) break;
      centres.forEach((centre, group) => {
        const members = points.filter((_, index) => assignment[index] === group);
        if (members.length === 0) return;
        for (let dimension = 0; dimension < centre.length; dimension++) centre[dimension] = members.reduce((sum, member) => sum + (member[dimension] as number), 0) / members.length;
      });
    }
    const cost = points.reduce((sum, point, index) => sum + squaredDistance(point, centres[assignment[index] as number] as number[]), 0);
    if (cost < bestCost - 1e-9) {
      bestCost = cost;
      best = assignment;
    }
  }
  const renumber = new Map<number, number>();
  return best.map((group) => {
    if (!renumber.has(group)) renumber.set(group, renumber.size);
    return renumber.get(group) as number;
  });
}

/**
 * Mean silhouette width of a grouping (Rousseeuw 1987), with Euclidean distances; single-member groups count 0.
 * @example silhouette([[0], [0.1], [5], [5.2]], [0, 0, 1, 1]) // ≈ 0.98
 */
export function silhouette(points: readonly number[][], assignment: readonly number[]): number {
  const count = points.length;
  const groupCount = new Set(assignment).size;
  if (count < 2 || groupCount < 2) return 0;
  let total = 0;
  for (let index = 0; index < count; index++) {
    const own = assignment[index] as number;
    const distanceSums = new Map<number, { sum: number; members: number }>();
    for (let other = 0; other < count; other++) {
      if (other === index) continue;
      const group = assignment[other] as number;
      const entry = distanceSums.get(group) ?? { sum: 0, members: 0 };
      entry.sum += Math.sqrt(squaredDistance(points[index] as number[], points[other] as number[]));
      entry.members += 1;
      distanceSums.set(group, entry);
    }
    const ownEntry = distanceSums.get(own);
    if (!ownEntry || ownEntry.members === 0) continue;
    const cohesion = ownEntry.sum / ownEntry.members;
    let separation = Number.POSITIVE_INFINITY;
    for (const [group, entry] of distanceSums) if (group !== own) separation = Math.min(separation, entry.sum / entry.members);
    total += (separation - cohesion) / Math.max(cohesion, separation);
  }
  return total / count;
}

/**
 * Groups the areas of a profile set into k types.
 * @example computeTypology(set, 3).groups[0].description.de // "höherer Anteil Schutzsuchende, niedrigerer Anteil 65 Jahre und älter"
 */
export function computeTypology(set: ProfileSet, k: number): Typology {
  const { features, vectorOf } = typologyFeatures(set);
  const included: AreaProfile[] = [];
  const vectors: number[][] = [];
  const excludedKeys: string[] = [];
  for (const area of set.areas) {
    const vector = vectorOf(area);
    if (vector) {
      included.push(area);
      vectors.push(vector);
    } else excludedKeys.push(area.key);
  }
  const standardised = standardise(vectors);
  const assignment = kMeans(standardised, k);
  const groupCount = new Set(assignment).size;
  const groupOf: Record<string, number> = {};
  included.forEach((area, index) => (groupOf[area.key] = (assignment[index] as number) + 1));
  const groups: TypologyGroup[] = [];
  for (let group = 0; group < groupCount; group++) {
    const memberRows = standardised.filter((_, index) => assignment[index] === group);
    const means = features.map((_, feature) => memberRows.reduce((sum, row) => sum + (row[feature] as number), 0) / Math.max(1, memberRows.length));
    const distinctive = means
      .map((mean, feature) => ({ mean, feature }))
      .filter((entry) => Math.abs(entry.mean) >= 0.5)
      .sort((a, b) => Math.abs(b.mean) - Math.abs(a.mean))
      .slice(0, 3);
    const describe = (locale: 'de' | 'en') =>
      distinctive.length === 0
        ? locale === 'de' ? 'nahe am Durchschnitt der Gebiete' : 'close to the average of the areas'
        : distinctive
            .map(({ mean, feature }) => {
              const label = (features[feature] as TypologyFeature).label[locale];
              if (locale === 'de') return `${mean > 0 ? 'höherer' : 'niedrigerer'} ${label}`;
              return `${mean > 0 ? 'higher' : 'lower'} ${label}`;
            })
            .join(', ');
    groups.push({
      number: group + 1,
      keys: included.filter((_, index) => assignment[index] === group).map((area) => area.key),
      description: { de: describe('de'), en: describe('en') },
    });
  }
  return { k: groupCount, groupOf, groups, silhouette: silhouette(standardised, assignment), excludedKeys };
}

/** Mean silhouette for each k from 2 to `maxK` (bounded by the number of areas − 1), as the hint next to the k picker. */
export function silhouetteByK(set: ProfileSet, maxK = 8): { k: number; silhouette: number }[] {
  const result: { k: number; silhouette: number }[] = [];
  const usable = set.areas.length - 1;
  for (let k = 2; k <= Math.min(maxK, usable); k++) result.push({ k, silhouette: computeTypology(set, k).silhouette });
  return result;
}

/** How clearly the groups of a typology stand apart, read from its mean silhouette width. */
export type TypologyStrength = 'none' | 'weak' | 'clear';

/**
 * Kaufman & Rousseeuw's reading of the silhouette: up to 0,25 no substantial structure, up to 0,5 a weak
 * one that may be artificial, above 0,5 a reasonable to strong one.
 * @example typologyStrength(0.13) // "none"
 */
export function typologyStrength(silhouette: number): TypologyStrength {
  if (!(silhouette > 0.25)) return 'none';
  return silhouette > 0.5 ? 'clear' : 'weak';
}
