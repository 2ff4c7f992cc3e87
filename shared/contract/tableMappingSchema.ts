/**
 * The column mapping of a table import, on its own so that the settings registry (which remembers a
 * mapping per table shape) can check it without building the import area's other schemas.
 */
import { z } from 'zod';

/**
 * How table columns become observations. Works for both layouts:
 * - wide: one value column per variable / dimension combination (e.g. "männlich", "weiblich"), each listed
 *   in `valueColumns` with its fixed dimensions (`{ sex: 'm' }`);
 * - long: one row per area × sex × age group: one entry in `valueColumns` and the dimension values read
 *   from `dimensionColumns` (cell text → dimension value id; the value id is the cell text, trimmed).
 * The period is either a column (cells like "31.12.2019" or "2019") or one fixed ISO date.
 */
export const tableMapping = z.object({
  layout: z.enum(['wide', 'long']),
  /** Column with the area key; null to match rows by name only (proposals to confirm). */
  keyColumn: z.number().int().nullable(),
  nameColumn: z.number().int().nullable().optional(),
  /** Column holding the period per row, or null when `period` applies to every row. */
  periodColumn: z.number().int().nullable().optional(),
  /** ISO date `YYYY-MM-DD` for all rows (Stichtag), used when there is no period column. */
  period: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
  valueColumns: z
    .array(
      z.object({
        column: z.number().int(),
        /** Variable id, existing (e.g. "population") or new (then created on commit; name from the column label). */
        variable: z.string().min(1),
        /** Fixed dimension values of this column, e.g. { sex: 'f' }. */
        dimensions: z.record(z.string(), z.string()).default({}),
      }),
    )
    .min(1),
  /**
   * Breakdown columns of long tables: the dimension, and which project value each cell text stands for
   * ('*': a total row such as "Insgesamt", checked against its parts and never added to them).
   */
  dimensionColumns: z.array(z.object({ column: z.number().int(), dimension: z.string().min(1), values: z.record(z.string(), z.string()).optional() })).default([]),
});
