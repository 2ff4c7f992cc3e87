/**
 * The flow view's data as tables for CSV/XLSX (shared/export/dataTable.ts): the flows as drawn (the same
 * filter, mode and top N; small counts as ".") and the per-area totals (protected alike). Notes name the
 * source, the period, what is hidden, the small-number rule and the synthetic label.
 */
import type { DataTable, TableValue } from '../export/dataTable';
import { formatDate, type Locale } from '../format/number';
import { translate, type MessageKey } from '../i18n/translate';
import type { LocalizedText, Source } from '../model/project';
import { flowSuppressionNote, flowSyntheticNote, hiddenFlowsNote } from './flows';

export interface FlowTableInput {
  period: string | null;
  mode: 'gross' | 'net';
  flows: readonly { from: string; to: string; value: number | null; suppressed: boolean; complementary?: boolean }[];
  hidden: { count: number; sum: number | null; withheld: number };
  /** Totals as shown: null where withheld (protectFlowTotals). */
  areas: readonly { key: string; name: string; inflow: number | null; outflow: number | null; internal: number | null; net: number | null }[];
  ends: readonly { key: string; name: LocalizedText; external: boolean }[];
  smallNumberThreshold: number;
  sources: readonly Source[];
}

function notes(data: FlowTableInput, locale: Locale): string[] {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const lines: string[] = [];
  if (data.sources.length > 0 && data.period) lines.push(t('flows.source', { source: data.sources.map((source) => source.name).join('; '), date: formatDate(data.period, locale) }));
  if (data.mode === 'net') lines.push(t('flows.netNote'));
  const hidden = hiddenFlowsNote(data.hidden, data.smallNumberThreshold, locale);
  if (hidden) lines.push(hidden);
  const suppression = flowSuppressionNote(data.flows, data.smallNumberThreshold, locale);
  if (suppression) lines.push(suppression);
  lines.push(t('flows.totalsNote'));
  const synthetic = flowSyntheticNote(data.sources, locale);
  if (synthetic) lines.push(synthetic);
  return lines;
}

/**
 * @example flowsTable(data, 'de').columns // ['Von (Schlüssel)', 'Von', 'Nach (Schlüssel)', 'Nach', 'Personen']
 */
export function flowsTable(data: FlowTableInput, locale: Locale): DataTable {
  const t = (key: MessageKey) => translate(locale, key);
  const names = new Map(data.ends.map((end) => [end.key, end.name[locale] || end.name.de]));
  const rows: TableValue[][] = data.flows.map((flow) => [flow.from, names.get(flow.from) ?? flow.from, flow.to, names.get(flow.to) ?? flow.to, flow.suppressed ? '.' : flow.value]);
  return { columns: [t('flows.column.fromKey'), t('flows.column.from'), t('flows.column.toKey'), t('flows.column.to'), t('flows.column.value')], rows, notes: notes(data, locale) };
}

/** @example flowTotalsTable(data, 'en').columns[2] // 'Arrivals' */
export function flowTotalsTable(data: FlowTableInput, locale: Locale): DataTable {
  const t = (key: MessageKey) => translate(locale, key);
  return {
    columns: [t('flows.column.key'), t('flows.column.name'), t('flows.column.inflow'), t('flows.column.outflow'), t('flows.column.internal'), t('flows.column.net')],
    rows: data.areas.map((area) => [area.key, area.name, ...[area.inflow, area.outflow, area.internal, area.net].map((value) => value ?? '.')]),
    notes: notes(data, locale),
  };
}
