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
 * How the indicator is drawn is a map view (`view`), completed from the project's saved view.
 */
import { z } from 'zod';
import { exportLayoutInput } from '../../export/exportLayout';
import { mapViewRequestSchema } from '../../mapView/mapViewSpec';

export const EXPORT_FORMATS = ['svg', 'png', 'pdf'] as const;
export const EXPORT_RESOLUTIONS = [150, 300, 600] as const;
export const BATCH_KINDS = ['indicators', 'periods', 'areas'] as const;

const figureOptions = {
  /**
   * What to draw: any part of a map view (shared/mapView/mapViewSpec.ts: indicator, sources, layer,
   * Stichtag, derivation, symbology, labels, small-number display). What it leaves out comes from the
   * project's saved view and the symbology remembered for the indicator, so a figure shows what the user
   * last saw; the map's own export passes its complete view.
   */
  view: mapViewRequestSchema.optional(),
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
      /** File names: {indicator} (its name) {id} {period} {area} {key} {n} (see shared/export/fileNamePattern.ts); the extension is added. */
      fileNamePattern: z.string().max(200).optional(),
      outDir: z.string().min(1).optional(),
    }),
    output: z.object({ files: z.array(exportedFile) }),
  },
} as const;
