/**
 * The layout of a committee figure: page, margins and which elements are shown where. Saved in the project
 * as the setting `export.layout` (shared/settings/projectSettings.ts) and reused for the next export; a
 * saved layout may be partial, so `resolveExportLayout` fills every missing field from the defaults.
 */
import { z } from 'zod';

export const PAGE_PRESETS = ['a4-landscape', 'a4-portrait', 'a3-landscape', 'slide-16x9', 'custom'] as const;
export type PagePreset = (typeof PAGE_PRESETS)[number];

/** Corners of the map frame where small elements (scale bar, north arrow, inset, legend) can sit. */
export const MAP_CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
export type MapCorner = (typeof MAP_CORNERS)[number];

/** Legend places: a column beside the map, or a corner on the map. */
export const LEGEND_POSITIONS = ['right', 'left', ...MAP_CORNERS] as const;
export type LegendPosition = (typeof LEGEND_POSITIONS)[number];

const toggle = { visible: z.boolean().optional() };
const corner = z.enum(MAP_CORNERS);

/** A (possibly partial) layout as stored in the project or sent by the UI/CLI. Unknown fields are dropped. */
export const exportLayoutInput = z.object({
  page: z
    .object({
      preset: z.enum(PAGE_PRESETS).optional(),
      /** Page size for `custom`, in mm (50..2000). */
      widthMm: z.number().min(50).max(2000).optional(),
      heightMm: z.number().min(50).max(2000).optional(),
      marginMm: z.number().min(0).max(60).optional(),
    })
    .optional(),
  title: z.object({ ...toggle, text: z.string().max(300).optional() }).optional(),
  subtitle: z.object({ ...toggle, text: z.string().max(300).optional() }).optional(),
  legend: z.object({ ...toggle, position: z.enum(LEGEND_POSITIONS).optional(), showCounts: z.boolean().optional() }).optional(),
  scaleBar: z.object({ ...toggle, position: corner.optional() }).optional(),
  northArrow: z.object({ ...toggle, position: corner.optional() }).optional(),
  inset: z.object({ ...toggle, position: corner.optional() }).optional(),
  labels: z.object({ ...toggle }).optional(),
  sources: z.object({ ...toggle }).optional(),
  author: z.object({ ...toggle, text: z.string().max(200).optional() }).optional(),
  date: z.object({ ...toggle }).optional(),
});
export type ExportLayoutInput = z.input<typeof exportLayoutInput>;

export interface ExportLayout {
  page: { preset: PagePreset; widthMm: number; heightMm: number; marginMm: number };
  /** Empty text: the indicator's name. */
  title: { visible: boolean; text: string };
  /** Empty text: "Stichtag 31.12.2024 · <layer title>". */
  subtitle: { visible: boolean; text: string };
  legend: { visible: boolean; position: LegendPosition; showCounts: boolean };
  scaleBar: { visible: boolean; position: MapCorner };
  northArrow: { visible: boolean; position: MapCorner };
  /** Locator map of the whole layer with the shown part marked (most useful when zoomed to one area). */
  inset: { visible: boolean; position: MapCorner };
  labels: { visible: boolean };
  sources: { visible: boolean };
  /** Author or organisation, e.g. "Region Hannover, Team Sozialplanung". */
  author: { visible: boolean; text: string };
  /** The date the figure was made ("Stand: 03.05.2025"). */
  date: { visible: boolean };
}

export const DEFAULT_EXPORT_LAYOUT: ExportLayout = {
  page: { preset: 'a4-landscape', widthMm: 297, heightMm: 210, marginMm: 12 },
  title: { visible: true, text: '' },
  subtitle: { visible: true, text: '' },
  legend: { visible: true, position: 'right', showCounts: true },
  scaleBar: { visible: true, position: 'bottom-left' },
  northArrow: { visible: true, position: 'top-left' },
  inset: { visible: false, position: 'bottom-right' },
  labels: { visible: true },
  sources: { visible: true },
  author: { visible: true, text: '' },
  date: { visible: true },
};

/** Page sizes of the presets in mm (width, height). The 16:9 slide is PowerPoint's 13,333 × 7,5 in. */
export const PAGE_SIZES_MM: Record<Exclude<PagePreset, 'custom'>, [number, number]> = {
  'a4-landscape': [297, 210],
  'a4-portrait': [210, 297],
  'a3-landscape': [420, 297],
  'slide-16x9': [338.667, 190.5],
};

/**
 * A complete layout from a partial one: missing fields come from `base` (the defaults unless given), the
 * page size from the preset (custom keeps its own width and height).
 * @example resolveExportLayout({ page: { preset: 'a4-portrait' } }).page // { preset: 'a4-portrait', widthMm: 210, heightMm: 297, marginMm: 12 }
 */
export function resolveExportLayout(input: ExportLayoutInput | undefined, base: ExportLayout = DEFAULT_EXPORT_LAYOUT): ExportLayout {
  const given = input ?? {};
  const preset = given.page?.preset ?? base.page.preset;
  const customSize: [number, number] = [given.page?.widthMm ?? base.page.widthMm, given.page?.heightMm ?? base.page.heightMm];
  const [widthMm, heightMm] = preset === 'custom' ? customSize : PAGE_SIZES_MM[preset];
  const defaultMargin = preset === 'slide-16x9' ? 10 : base.page.marginMm;
  return {
    page: { preset, widthMm, heightMm, marginMm: given.page?.marginMm ?? defaultMargin },
    title: { ...base.title, ...definedOnly(given.title) },
    subtitle: { ...base.subtitle, ...definedOnly(given.subtitle) },
    legend: { ...base.legend, ...definedOnly(given.legend) },
    scaleBar: { ...base.scaleBar, ...definedOnly(given.scaleBar) },
    northArrow: { ...base.northArrow, ...definedOnly(given.northArrow) },
    inset: { ...base.inset, ...definedOnly(given.inset) },
    labels: { ...base.labels, ...definedOnly(given.labels) },
    sources: { ...base.sources, ...definedOnly(given.sources) },
    author: { ...base.author, ...definedOnly(given.author) },
    date: { ...base.date, ...definedOnly(given.date) },
  };
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
