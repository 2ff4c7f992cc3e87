/**
 * From the tab's choices to a `profiles.export` request, and the browser download of the answer. The backend
 * draws the file with the same pure figure builder the tab uses, so the file shows what the tab shows.
 */
import type { KleinraumApi } from '../../shared/contract/api';
import type { Locale } from '../../shared/format/number';
import type { ProfileChoices } from './profileChoices';

export type ProfileExportFormat = 'svg' | 'png' | 'pdf' | 'csv' | 'xlsx';

export type ProfileExportRequest = Parameters<KleinraumApi['profiles.export']>[0];

/**
 * @example exportRequest(initialProfileChoices, 'gemeinden', 'png', 'de', null).view // 'pyramid'
 */
export function exportRequest(choices: ProfileChoices, layer: string, format: ProfileExportFormat, locale: Locale, selectedKey: string | null): ProfileExportRequest {
  const common = {
    layer,
    format,
    locale,
    mode: choices.mode,
    descending: choices.descending,
    indicatorId: choices.indicatorId,
    measure: choices.measure,
    dpi: 300,
    ...(choices.period ? { period: choices.period } : {}),
    comparePeriod: choices.comparePeriod,
    ...(choices.sortBy ? { sortBy: choices.sortBy } : {}),
    typologyGroups: choices.typologyGroups,
  };
  if (choices.view === 'compare') {
    const areaA = choices.compareA ?? selectedKey;
    // The figure draws A with B's outline; the tables give A, B and A − B side by side.
    return { ...common, view: 'compare', mode: 'shares', reference: choices.compareB ?? 'region', ...(areaA ? { areas: [areaA] } : {}) };
  }
  return { ...common, view: choices.view, reference: choices.reference };
}

/** Saves base64 bytes as a file through the browser's download (works in browser mode and in Electron). */
export function downloadBase64(fileName: string, mimeType: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
