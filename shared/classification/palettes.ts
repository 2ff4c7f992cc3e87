/**
 * Colour palettes for choropleth classes: ColorBrewer sequential, diverging and qualitative schemes,
 * Viridis, Tableau 10 and a grey ramp for print, each with German/English labels, for 3–9 classes
 * (1 and 2 classes are served from the 3-class colours), optionally reversed.
 */
import type { LocalizedText } from '../model/project';
import { COLORBREWER_DIVERGING, COLORBREWER_QUALITATIVE, COLORBREWER_SEQUENTIAL, type ColourTable } from './colorBrewerSchemes';
import type { ClassInterval } from './types';

export type PaletteKind = 'sequential' | 'diverging' | 'qualitative';

export interface Palette {
  /** Stable id stored in project files, e.g. "Blues", "RdBu", "viridis", "print-grey". */
  id: string;
  kind: PaletteKind;
  name: LocalizedText;
  /** Hex colours by class count (3..9; diverging up to 11), ordered low → high. */
  colours: ColourTable;
}

/**
 * The most classes a palette has distinct colours for: 9 for most, 8 for ColorBrewer's Set2, Dark2,
 * Accent and Pastel2 (their designers stopped there), 11 for the diverging schemes.
 * @example maximumClassesOf(findPalette('Set2')!) // 8
 */
export function maximumClassesOf(palette: Palette): number {
  return Math.max(...Object.keys(palette.colours).map(Number));
}

/**
 * Viridis (matplotlib, CC0; values as R viridisLite::viridis(9)): perceptually uniform, monotone in
 * lightness and readable with every common colour-vision deficiency. Other class counts are sampled
 * from these nine by interpolation in sRGB, which stays within a few ΔE of the true ramp.
 */
const VIRIDIS_NINE = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21908c', '#27ad81', '#5dc863', '#aadc32', '#fde725'];

/** Tableau 10 (Tableau Software; as d3-scale-chromatic's schemeTableau10): distinct categorical hues. */
const TABLEAU_TEN = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab'];

const names: Record<string, LocalizedText> = {
  Blues: { de: 'Blau', en: 'Blues' },
  Greens: { de: 'Grün', en: 'Greens' },
  Oranges: { de: 'Orange', en: 'Oranges' },
  Reds: { de: 'Rot', en: 'Reds' },
  Purples: { de: 'Violett', en: 'Purples' },
  Greys: { de: 'Grau', en: 'Greys' },
  YlOrRd: { de: 'Gelb–Orange–Rot', en: 'Yellow–orange–red' },
  YlOrBr: { de: 'Gelb–Orange–Braun', en: 'Yellow–orange–brown' },
  YlGnBu: { de: 'Gelb–Grün–Blau', en: 'Yellow–green–blue' },
  YlGn: { de: 'Gelb–Grün', en: 'Yellow–green' },
  BuPu: { de: 'Blau–Violett', en: 'Blue–purple' },
  BuGn: { de: 'Blau–Grün', en: 'Blue–green' },
  GnBu: { de: 'Grün–Blau', en: 'Green–blue' },
  OrRd: { de: 'Orange–Rot', en: 'Orange–red' },
  PuBu: { de: 'Violett–Blau', en: 'Purple–blue' },
  PuBuGn: { de: 'Violett–Blau–Grün', en: 'Purple–blue–green' },
  PuRd: { de: 'Violett–Rot', en: 'Purple–red' },
  RdPu: { de: 'Rot–Violett', en: 'Red–purple' },
  RdBu: { de: 'Rot–Blau (divergierend)', en: 'Red–blue (diverging)' },
  BrBG: { de: 'Braun–Blaugrün (divergierend)', en: 'Brown–blue-green (diverging)' },
  PiYG: { de: 'Pink–Gelbgrün (divergierend)', en: 'Pink–yellow-green (diverging)' },
  PRGn: { de: 'Violett–Grün (divergierend)', en: 'Purple–green (diverging)' },
  PuOr: { de: 'Orange–Violett (divergierend)', en: 'Orange–purple (diverging)' },
  RdYlBu: { de: 'Rot–Gelb–Blau (divergierend)', en: 'Red–yellow–blue (diverging)' },
  RdYlGn: { de: 'Rot–Gelb–Grün (divergierend, nicht farbfehlsichtigkeitstauglich)', en: 'Red–yellow–green (diverging, not colour-blind safe)' },
  Spectral: { de: 'Spektral (divergierend)', en: 'Spectral (diverging)' },
  RdGy: { de: 'Rot–Grau (divergierend)', en: 'Red–grey (diverging)' },
  Set2: { de: 'Kategorien: Set 2', en: 'Categories: Set 2' },
  Dark2: { de: 'Kategorien: Dunkel 2', en: 'Categories: Dark 2' },
  Paired: { de: 'Kategorien: Paare', en: 'Categories: Paired' },
  Set1: { de: 'Kategorien: Set 1', en: 'Categories: Set 1' },
  Set3: { de: 'Kategorien: Set 3', en: 'Categories: Set 3' },
  Accent: { de: 'Kategorien: Akzent', en: 'Categories: Accent' },
  Pastel1: { de: 'Kategorien: Pastell 1', en: 'Categories: Pastel 1' },
  Pastel2: { de: 'Kategorien: Pastell 2', en: 'Categories: Pastel 2' },
};

function fromBrewer(kind: PaletteKind, schemes: Record<string, ColourTable>): Palette[] {
  return Object.entries(schemes).map(([id, colours]) => ({ id, kind, name: names[id] ?? { de: id, en: id }, colours }));
}

function sampledTable(anchors: readonly string[], counts: readonly number[]): ColourTable {
  return Object.fromEntries(counts.map((count) => [count, Array.from({ length: count }, (_, index) => interpolateHex(anchors, index / (count - 1)))]));
}

/** Print: a grey ramp from light to near-black whose steps survive photocopying (no white first class). */
const PRINT_GREY: ColourTable = sampledTable(['#e0e0e0', '#1a1a1a'], [3, 4, 5, 6, 7, 8, 9]);

/** Every palette Kleinraum offers, sequential first (the right default for rates and counts). */
export const PALETTES: readonly Palette[] = [
  ...fromBrewer('sequential', COLORBREWER_SEQUENTIAL),
  { id: 'viridis', kind: 'sequential', name: { de: 'Viridis (farbfehlsichtigkeitstauglich)', en: 'Viridis (colour-blind safe)' }, colours: sampledTable(VIRIDIS_NINE, [3, 4, 5, 6, 7, 8, 9]) },
  { id: 'print-grey', kind: 'sequential', name: { de: 'Graustufen für den Druck', en: 'Grey scale for print' }, colours: PRINT_GREY },
  ...fromBrewer('diverging', COLORBREWER_DIVERGING),
  ...fromBrewer('qualitative', COLORBREWER_QUALITATIVE),
  {
    id: 'Tableau10',
    kind: 'qualitative',
    name: { de: 'Kategorien: Tableau 10', en: 'Categories: Tableau 10' },
    colours: Object.fromEntries([3, 4, 5, 6, 7, 8, 9].map((count) => [count, TABLEAU_TEN.slice(0, count)])),
  },
];

const paletteById = new Map(PALETTES.map((palette) => [palette.id, palette]));

/** Looks a palette up by id; undefined for an unknown id (a project file from a newer version, say). */
export function findPalette(paletteId: string): Palette | undefined {
  return paletteById.get(paletteId);
}

/**
 * The colours for `classCount` classes, low → high (or high → low when reversed).
 * 1 class gets the middle colour of the 3-class scheme, 2 classes its outer colours (qualitative: the
 * first two), more than the scheme has are capped at its largest table (so fewer colours than classes come back:
 * check `maximumClassesOf` before offering such a palette). Unknown ids fall back to Blues,
 * so an old project never renders without colours.
 * @example paletteColours('Blues', 3) // ['#deebf7', '#9ecae1', '#3182bd']
 * @example paletteColours('Blues', 3, { reversed: true }) // ['#3182bd', '#9ecae1', '#deebf7']
 */
export function paletteColours(paletteId: string, classCount: number, options: { reversed?: boolean } = {}): string[] {
  const palette = findPalette(paletteId) ?? (findPalette('Blues') as Palette);
  const colours = coloursForCount(palette, classCount);
  return options.reversed ? [...colours].reverse() : colours;
}

function coloursForCount(palette: Palette, classCount: number): string[] {
  if (classCount <= 0) return [];
  const available = Object.keys(palette.colours).map(Number).sort((a, b) => a - b);
  const smallest = palette.colours[available[0] as number] as readonly string[];
  if (classCount === 1) return [smallest[Math.floor(smallest.length / 2)] as string];
  if (classCount === 2) return palette.kind === 'qualitative' ? smallest.slice(0, 2) : [smallest[0] as string, smallest[smallest.length - 1] as string];
  const exact = palette.colours[classCount];
  if (exact) return [...exact];
  return [...(palette.colours[available[available.length - 1] as number] as readonly string[])];
}

/**
 * Colours classes with a diverging palette so that the colour change happens at `midpoint` (e.g. the
 * region's value or 0 % change): classes wholly below get the left arm, classes wholly above the right
 * arm, and a class that straddles the midpoint the neutral centre colour. With lopsided splits (5 classes
 * below, 2 above) the short arm takes the lighter colours next to the centre, so equal colour steps keep
 * meaning equal distances from the midpoint. If an arm needs more colours than the 11-class scheme has,
 * they are interpolated along the arm.
 * @example divergingAround([{ from: 0, to: 5, count: 1 }, { from: 5, to: 10, count: 1 }], 5, 'RdBu')
 * // ['#ef8a62', '#67a9cf'] (the 4-class RdBu colours next to the centre)
 */
export function divergingAround(classes: readonly Pick<ClassInterval, 'from' | 'to'>[], midpoint: number, paletteId: string, options: { reversed?: boolean } = {}): string[] {
  const palette = findPalette(paletteId);
  const table = palette?.kind === 'diverging' ? palette.colours : (findPalette('RdBu') as Palette).colours;
  // A class that is just the midpoint (every value 0 in a map of changes) is neither arm: it takes the
  // neutral centre, not the darkest colour of the lower arm, which read as a strong decrease.
  const belowCount = classes.filter((classInterval) => classInterval.to <= midpoint && classInterval.from < midpoint).length;
  const aboveCount = classes.filter((classInterval) => classInterval.from >= midpoint && classInterval.to > midpoint).length;
  const straddles = classes.length - belowCount - aboveCount > 0;
  const armLength = Math.max(belowCount, aboveCount, 1);
  const schemeSize = 2 * armLength + (straddles ? 1 : 0);
  const largest = Math.max(...Object.keys(table).map(Number));
  let scheme: string[];
  if (table[schemeSize]) scheme = [...(table[schemeSize] as readonly string[])];
  else {
    // Too many classes on one arm: interpolate both arms of the largest (odd, so with a centre) scheme.
    const full = table[largest] as readonly string[];
    const centreIndex = Math.floor(full.length / 2);
    const leftArm = full.slice(0, centreIndex + 1).reverse();
    const rightArm = full.slice(centreIndex);
    const sample = (arm: readonly string[]): string[] => Array.from({ length: armLength }, (_, index) => interpolateHex(arm, (index + 1) / armLength));
    scheme = [...sample(leftArm).reverse(), ...(straddles ? [full[centreIndex] as string] : []), ...sample(rightArm)];
  }
  // Reversing a diverging scheme swaps the arms' hues; the classes keep their order.
  if (options.reversed) scheme.reverse();
  const left = scheme.slice(armLength - belowCount, armLength);
  const centre = straddles ? [scheme[armLength] as string] : [];
  const rightStart = armLength + (straddles ? 1 : 0);
  const right = scheme.slice(rightStart, rightStart + aboveCount);
  // Ascending classes have at most one class that straddles the midpoint, so this covers every class.
  return [...left, ...centre, ...right];
}

/**
 * Linear interpolation along a list of hex colours in sRGB, position 0..1.
 * @example interpolateHex(['#000000', '#ffffff'], 0.5) // '#808080'
 */
export function interpolateHex(anchors: readonly string[], position: number): string {
  const scaled = Math.min(Math.max(position, 0), 1) * (anchors.length - 1);
  const index = Math.min(Math.floor(scaled), anchors.length - 2);
  const fraction = scaled - index;
  const from = hexToRgb(anchors[index] as string);
  const to = hexToRgb(anchors[index + 1] as string);
  return rgbToHex(from.map((channel, channelIndex) => channel + fraction * ((to[channelIndex] as number) - channel)) as [number, number, number]);
}

/** '#3182bd' → [49, 130, 189] (0..255). */
export function hexToRgb(hex: string): [number, number, number] {
  const digits = hex.replace('#', '');
  return [0, 2, 4].map((offset) => Number.parseInt(digits.slice(offset, offset + 2), 16)) as [number, number, number];
}

/** [49, 130, 189] → '#3182bd'; channels are rounded and clamped to 0..255. */
export function rgbToHex(rgb: readonly [number, number, number]): string {
  return `#${rgb.map((channel) => Math.round(Math.min(255, Math.max(0, channel))).toString(16).padStart(2, '0')).join('')}`;
}
