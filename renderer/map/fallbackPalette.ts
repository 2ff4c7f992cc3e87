/**
 * Sequential colours for the map until shared/classification/palettes.ts lands.
 * Colours: ColorBrewer YlGnBu (Cynthia Brewer, Mark Harrower and The Pennsylvania State University,
 * Apache License 2.0, https://colorbrewer2.org).
 */
const yellowGreenBlue: Record<number, string[]> = {
  3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
  4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
  5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
  6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
  7: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
};

/**
 * `classCount` colours from light to dark.
 * @example sequentialColours(3) // ["#edf8b1", "#7fcdbb", "#2c7fb8"]
 */
export function sequentialColours(classCount: number): string[] {
  if (classCount <= 0) return [];
  if (classCount === 1) return ['#41b6c4'];
  if (classCount === 2) return ['#a1dab4', '#2c7fb8'];
  return yellowGreenBlue[Math.min(classCount, 7)] ?? [];
}

/** Fill for areas without data: a light neutral grey, distinct from every class colour. */
export const NO_DATA_COLOUR = '#d9d9d9';
