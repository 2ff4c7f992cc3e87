// "Ergebnisse speichern" in the Planung tab: the run becomes projected data that the map shows like any
// other indicator, labelled "projiziert" in the table, with the scenario's source.
import { callApi, expect, openApp, test } from './fixtures';
import { e2eToken } from '../helpers/e2eServer';

interface Run {
  layer: string;
  areas: { key: string; years: { year: number; gap: { kita: number | null } }[] }[];
}

test('stored scenario results appear in the map as a projected indicator', async ({ page, request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
  await openApp(page);
  await page.getByRole('tab', { name: 'Planung' }).click();
  await expect(page.getByTestId('planning-banner')).toContainText(/^Projektion – Zugang je 1.000 Einwohner und Jahr: [0-9],[0-9]; Betreuungsschlüssel Sozialarbeit: 1:[0-9.]+ \(Asylverfahren offen\), 1:[0-9.]+ \(Schutz gewährt\). Annahmen: /);
  await page.getByRole('button', { name: 'Ergebnisse speichern' }).click();
  await expect(page.getByTestId('planning-stored')).toContainText('als Projektion gespeichert');

  // The indicators of the scenario shown in the tab (the first one), found through the project summary.
  const project = await callApi<{ indicators: { id: string }[] }>(request, 'project.current');
  const indicatorId = project.indicators.map((indicator) => indicator.id).find((id) => id.startsWith('projected_gap_kita__'))!;
  const scenarioId = indicatorId.slice('projected_gap_kita__'.length);
  const run = await callApi<Run>(request, 'planning.run', { scenarioId });
  await page.getByTestId('view-tab-map').click();
  const picker = page.getByTestId('indicator-select');
  await expect(picker.locator(`option[value="${indicatorId}"]`)).toHaveText(/Lücke KiTa-Plätze \(Projektion/);
  await picker.selectOption(indicatorId);
  await page.getByTestId('period-select').selectOption('2026-12-31');
  const hannover = page.getByTestId('area-row-03241001');
  await expect(hannover).toContainText('projiziert');
  const gap = run.areas.find((area) => area.key === '03241001')!.years.find((year) => year.year === 2026)!.gap.kita!;
  const shown = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(gap).replace('-', '\u2212');
  await expect(hannover).toContainText(shown);
  await expect(page.getByTestId('legend')).toContainText('Projektion');
  // Projected from the demo's synthetic population: the legend's source line says so.
  await expect(page.getByTestId('legend')).toContainText('Beispieldaten, synthetisch');

  // The profile tab's "Kennzahlen" panels carry the stored gap of the first projected year.
  await page.getByTestId('view-tab-profiles').click();
  await page.getByTestId('profiles-view-indicators').click();
  const firstYear = run.areas[0]!.years[0]!.year;
  const firstGap = run.areas.find((area) => area.key === '03241001')!.years[0]!.gap.kita!;
  const signed = `${firstGap > 0 ? '+' : ''}${new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }).format(firstGap).replace('-', '\u2212')}`;
  await expect(page.getByTestId('stored-gap-03241001')).toHaveText(`Lücke KiTa ${firstYear}: ${signed} Plätze (Projektion)`);
});
