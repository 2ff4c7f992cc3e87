/**
 * Contract methods for the side-by-side municipality profiles:
 * - `profiles.compute`: the profiles of every area of a layer at a period (optionally with a comparison
 *   period), small-number protection applied — what the Profile tab draws;
 * - `profiles.export`: one view as a file (SVG, PNG, PDF, CSV, XLSX), returned as bytes so browser mode
 *   can download it and the CLI can write it.
 */
import { z } from 'zod';
import type { ProfileSet } from '../../profiles/profileTypes';
import { DEVIATION_MEASURES } from '../../profiles/deviation';
import { PROFILE_VIEWS } from '../../profiles/profileTypes';
import { localizedText } from '../schemas';

const profileCell = z.object({ count: z.number().nullable(), share: z.number().nullable(), suppressed: z.boolean(), complementary: z.boolean().optional() });

const areaProfile = z.object({
  key: z.string(),
  name: z.string(),
  isRegion: z.boolean(),
  population: z.number().nullable(),
  refugees: z.number().nullable(),
  pyramid: z.array(z.object({ ageGroup: z.string(), male: profileCell, female: profileCell, refugeesMale: profileCell, refugeesFemale: profileCell })),
  nationality: z.array(profileCell),
  status: z.array(profileCell),
  indicators: z.record(z.string(), z.number().nullable()),
});

const profileCategory = z.object({ id: z.string(), label: localizedText });

export const profileSetSchema = z.object({
  layer: z.string(),
  period: z.string(),
  comparePeriod: z.string().nullable(),
  periods: z.array(z.string()),
  smallNumberThreshold: z.number().int(),
  ageGroups: z.array(profileCategory),
  nationalities: z.array(profileCategory),
  statuses: z.array(profileCategory),
  indicators: z.array(
    z.object({ id: z.string(), label: localizedText, unit: localizedText, decimals: z.number().int(), kind: z.enum(['count', 'percent', 'per1000', 'change']) }),
  ),
  areas: z.array(areaProfile),
  region: areaProfile,
  compareAreas: z.array(areaProfile).nullable(),
  compareRegion: areaProfile.nullable(),
  sourceLine: localizedText,
  synthetic: z.boolean(),
});

// The schema and the pure core's type must describe the same shape (a mismatch fails the typecheck).
type SchemaMatchesModel = z.output<typeof profileSetSchema> extends ProfileSet ? (ProfileSet extends z.output<typeof profileSetSchema> ? true : never) : never;
export const profileSetSchemaMatchesModel: SchemaMatchesModel = true;

export const profileComputeInput = z.object({
  /** Boundary layer; default the project's first layer. */
  layer: z.string().optional(),
  /** ISO date; default the latest period with population data. */
  period: z.string().optional(),
  /** ISO date to compare with (change indicators, change view); default none. */
  comparePeriod: z.string().nullable().optional(),
});

/** Views that can be exported: the four small-multiple views and the deviation chart. */
/** 'compare' (A gegen B): the first of `areas` with `reference` as its outline; tables give both side by side. */
export const PROFILE_EXPORT_VIEWS = [...PROFILE_VIEWS, 'deviation', 'compare'] as const;
export const PROFILE_EXPORT_FORMATS = ['svg', 'png', 'pdf', 'csv', 'xlsx'] as const;

export const profileExportInput = profileComputeInput.extend({
  view: z.enum(PROFILE_EXPORT_VIEWS).default('pyramid'),
  format: z.enum(PROFILE_EXPORT_FORMATS),
  /** Area keys to show, in this order unless sorted; default all areas of the layer. */
  areas: z.array(z.string()).optional(),
  mode: z.enum(['absolute', 'shares']).default('shares'),
  /** Outline reference: 'region', an area key, 'comparePeriod' (each area at the comparison date), or null. */
  reference: z.string().nullable().default('region'),
  /** 'name' or an indicator id; default keeps the given (or layer) order. */
  sortBy: z.string().optional(),
  descending: z.boolean().default(false),
  /** Group the panels into this many profile types (k-means); default no grouping. */
  typologyGroups: z.number().int().min(2).max(12).nullable().optional(),
  /** Deviation view: indicator and measure. */
  indicatorId: z.string().default('refugeesPer1000'),
  measure: z.enum(DEVIATION_MEASURES).default('index'),
  locale: z.enum(['de', 'en']).default('de'),
  /** Raster resolution for PNG (dots per inch; the SVG's px are taken as 1/96 inch). */
  dpi: z.number().int().min(72).max(600).default(300),
});

export const profileExportOutput = z.object({
  /** Suggested file name, e.g. "profile-pyramid-2024-12-31.png". */
  fileName: z.string(),
  mimeType: z.string(),
  /** The file's bytes, base64-encoded. */
  base64: z.string(),
  /** Number of area panels (or rows) in the export. */
  panels: z.number().int(),
  widthPx: z.number().int().optional(),
  heightPx: z.number().int().optional(),
});

export const profileMethods = {
  'profiles.compute': { input: profileComputeInput, output: profileSetSchema },
  'profiles.export': { input: profileExportInput, output: profileExportOutput },
} as const;
