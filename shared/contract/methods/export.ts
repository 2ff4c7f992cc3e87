/**
 * Contract methods for print-ready figures (SVG, PNG, PDF), single and batch.
 *
 * - `export.preview`: the figure's SVG for the dialog's live preview (nothing written).
 * - `export.map`: one figure. With `path` the backend writes the file (Electron: path from the save
 *   dialog; CLI); without it the bytes come back as base64 and the browser downloads them.
 * - `export.batch`: one figure per indicator, period or area (zoomed, neighbours greyed), as separate
 *   files named from a pattern or as one multi-page PDF; written to `outDir` or returned as base64.
 *
 * The layout (page, elements, positions) is saved in the project as the setting `export.layout`
 * (shared/export/exportLayout.ts) and used whenever a call gives none; a call's `layout` is merged over it.
 */
import { z } from 'zod';
import { CLASSIFICATION_METHODS } from '../../classification/types';
import { INDICATOR_MODES } from '../../indicators/indicatorMode';
import { exportLayoutInput } from '../../export/exportLayout';

export const EXPORT_FORMATS = ['svg', 'png', 'pdf'] as const;
export const EXPORT_RESOLUTIONS = [150, 300, 600] as const;
export const BATCH_KINDS = ['indicators', 'periods', 'areas'] as const;

const figureOptions = {
  indicatorId: z.string().min(1),
  /** ISO date; default: the indicator's latest period. */
  period: z.string().optional(),
  /**
   * How the values are derived, as the map's "Darstellung als" (index, change, per km², share of); default
   * 'value'. Title, unit and legend then describe the derived figure, e.g. unit "Index (Region = 100)".
   */
  mode: z.enum(INDICATOR_MODES).optional(),
  /** Base Stichtag of `change`/`changePercent` (ISO date); default the Stichtag before `period`. */
  comparePeriod: z.string().optional(),
  /** Variable id the numerator is a share of (`percentOf`, required there). */
  denominatorVariable: z.string().optional(),
  /**
   * Where a diverging palette changes hue (and where standard-deviation classes are centred): a number,
   * 'region' for the region's value or 'mean' for the mean. Default as the map: 100 for an index, 0 for a
   * change, else the region's value.
   */
  midpoint: z.union([z.number(), z.enum(['region', 'mean'])]).optional(),
  /** Breaks from the values of all Stichtage, so that figures of different Stichtage compare; default false. */
  fixAcrossPeriods: z.boolean().optional(),
  /** Boundary layer; default: the project's first layer. */
  layer: z.string().optional(),
  classification: z
    .object({
      method: z.enum(CLASSIFICATION_METHODS),
      classes: z.number().int().min(2).max(9).optional(),
      breaks: z.array(z.number()).optional(),
    })
    .optional(),
  palette: z.string().optional(),
  /** Palette colours in reverse order (as the map's "Farben umkehren"); default false. */
  paletteReversed: z.boolean().optional(),
  layout: exportLayoutInput.optional(),
  /** Language of the figure's texts; default German. */
  locale: z.enum(['de', 'en']).optional(),
};

const renderOptions = {
  format: z.enum(EXPORT_FORMATS),
  /** PNG resolution; default 300. */
  dpi: z
    .number()
    .int()
    .refine((value) => (EXPORT_RESOLUTIONS as readonly number[]).includes(value), { message: 'dpi must be 150, 300 or 600' })
    .optional(),
};

export const exportedFile = z.object({
  /** Where the file was written, or null when returned as bytes. */
  path: z.string().nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  /** The file's bytes (base64) when no path was given (browser download), else null. */
  base64: z.string().nullable(),
  sizeBytes: z.number().int(),
});

export const exportMethods = {
  'export.preview': {
    input: z.object(figureOptions),
    output: z.object({
      svg: z.string(),
      pageMm: z.tuple([z.number(), z.number()]),
      elements: z.array(z.string()),
      /** The complete layout used (saved layout + the call's changes), for the dialog's controls. */
      layout: z.looseObject({}),
    }),
  },
  'export.map': {
    input: z.object({ ...figureOptions, ...renderOptions, path: z.string().min(1).optional() }),
    output: exportedFile.extend({
      widthPx: z.number().int().optional(),
      heightPx: z.number().int().optional(),
      pageMm: z.tuple([z.number(), z.number()]),
      elements: z.array(z.string()),
    }),
  },
  'export.batch': {
    input: z.object({
      ...figureOptions,
      ...renderOptions,
      by: z.enum(BATCH_KINDS),
      /** Items to export (indicator ids, periods or area keys); default: all. */
      items: z.array(z.string()).optional(),
      /** One multi-page PDF instead of one file per item (format must be pdf). */
      singlePdf: z.boolean().optional(),
      /** File names: {indicator} {period} {area} {key} {n}; the extension is added. */
      fileNamePattern: z.string().max(200).optional(),
      outDir: z.string().min(1).optional(),
    }),
    output: z.object({ files: z.array(exportedFile) }),
  },
} as const;
