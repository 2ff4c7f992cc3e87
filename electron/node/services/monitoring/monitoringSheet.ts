/** The committee sheet of a monitoring result (see shared/monitoring/monitoringFigure.ts). */
import type { z } from 'zod';
import type { monitoringExportInput } from '../../../../shared/contract/methods/monitoring';
import { UserError } from '../../../../shared/contract/errors';
import type { MonitoringResult } from '../../../../shared/monitoring/monitoringTable';
import type { SqliteDatabase } from '../../storage/openDatabase';

export async function monitoringSheet(_db: SqliteDatabase, _result: MonitoringResult, _input: z.output<typeof monitoringExportInput>, _createdOn: string): Promise<{ base64: string; widthPx?: number; heightPx?: number; pageMm?: [number, number] }> {
  throw new UserError('bad-input', { de: 'Das Ausschussblatt gibt es noch nicht; bitte als CSV oder XLSX exportieren.', en: 'The committee sheet is not available yet; please export CSV or XLSX.' });
}
