/**
 * `monitoring.export`: the monitoring table (CSV with BOM and `;`, XLSX) or the committee sheet (SVG,
 * PNG, PDF, rendered like every Kleinraum figure by electron/node/export), as bytes for the browser
 * download and the CLI.
 */
import type { z } from 'zod';
import type { monitoringExportInput, monitoringExportOutput } from '../../../../shared/contract/methods/monitoring';
import { monitoringTable } from '../../../../shared/monitoring/monitoringTable';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { MIME_TYPES, renderTable } from '../../export/renderFiles';
import { today } from '../export/exportHandlers';
import { computeMonitoring } from './monitoringResults';

type ExportInput = z.output<typeof monitoringExportInput>;
type ExportOutput = z.output<typeof monitoringExportOutput>;

export async function exportMonitoring(db: SqliteDatabase, input: ExportInput): Promise<ExportOutput> {
  const result = computeMonitoring(db, input);
  const createdOn = today();
  const fileName = `monitoring-${result.period}.${input.format}`;
  const base = { fileName, mimeType: MIME_TYPES[input.format] };
  if (input.format === 'csv' || input.format === 'xlsx') {
    const bytes = await renderTable(monitoringTable(result, createdOn, input.locale), input.format, `Monitoring ${result.period}`, input.locale);
    return { ...base, base64: bytes.toString('base64') };
  }
  const { monitoringSheet } = await import('./monitoringSheet');
  return { ...base, ...(await monitoringSheet(db, result, input, createdOn)) };
}
