// planning.storeResults through dispatch on the demo: the run becomes observations of quality 'projected'
// in the saved project file, the map's indicators show the same sums as the run, storing again replaces.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KleinraumApi, MethodName, MethodOutput } from '../../../shared/contract/api';
import { dispatch } from '../../../shared/contract/dispatch';
import { createKleinraumApi, disposeKleinraumApi } from '../../../electron/node/services/createKleinraumApi';
import { openDatabase } from '../../../electron/node/storage/openDatabase';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

let directory: TempDir;
let api: KleinraumApi;

async function call<M extends MethodName>(method: M, input: unknown = {}): Promise<MethodOutput<M>> {
  const result = await dispatch(api, method, input, (error) => {
    throw error;
  });
  if (!result.ok) throw Object.assign(new Error(result.error.message.en), { payload: result.error });
  return result.value as MethodOutput<M>;
}

const sum = (values: readonly (number | null)[]): number => values.reduce<number>((total, value) => total + (value ?? 0), 0);

/** Rows of the saved project file stored for one source: count, qualities and the sum of one variable/kind/year. */
async function savedRows(sourceId: string, variable: string, kind: string, period: string) {
  const file = path.join(directory.path, `saved-${Math.random().toString(36).slice(2)}.gpkg`);
  await call('project.saveAs', { path: file });
  const db = openDatabase(file, { readonly: true });
  try {
    const qualities = db.prepare('SELECT DISTINCT quality FROM kleinraum_observations WHERE source_id = ?').pluck().all(sourceId) as string[];
    const count = db.prepare('SELECT COUNT(*) FROM kleinraum_observations WHERE source_id = ?').pluck().get(sourceId) as number;
    const total = db
      .prepare("SELECT SUM(value) FROM kleinraum_observations WHERE source_id = ? AND variable = ? AND period = ? AND json_extract(dimensions, '$.kind') = ?")
      .pluck()
      .get(sourceId, variable, period, kind) as number;
    const notes = db.prepare('SELECT notes FROM kleinraum_sources WHERE source_id = ?').pluck().get(sourceId) as string;
    return { qualities, count, total, notes };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  directory = makeTempDir('kleinraum-store-results-');
  api = createKleinraumApi({ dataDir: path.join(directory.path, 'data'), host: { mode: 'browser', version: 'test' }, emit: () => {} });
  await call('project.openDemo');
});

afterAll(() => {
  disposeKleinraumApi(api);
  directory.remove();
});

describe('planning.storeResults', () => {
  it('stores the run as projected observations whose sums equal the run, with the assumptions in the source', async () => {
    const run = await call('planning.run', { scenarioId: 'mittel' });
    const stored = await call('planning.storeResults', { scenarioId: 'mittel' });
    expect(stored.sourceId).toBe('projection_mittel');
    expect(stored.years).toEqual(run.years);
    // population, refugees, and demand, supply, gap for the five kinds: 17 rows per area and year
    expect(stored.observations).toBe(run.areas.length * run.years.length * 17);

    const runDemand2026 = sum(run.areas.map((area) => area.years.find((year) => year.year === 2026)!.demand.kita));
    const rows = await savedRows('projection_mittel', 'projected_demand', 'kita', '2026-12-31');
    expect(rows.qualities).toEqual(['projected']);
    expect(rows.count).toBe(stored.observations);
    expect(rows.total).toBeCloseTo(runDemand2026, 6);
    expect(rows.notes).toContain('Projektion – Szenario');
    expect(rows.notes).toContain(`Annahmen: ${run.scenario.assumptions.de}`);
    // The figures the results hinge on travel with them (inflow, care ratio).
    expect(rows.notes).toContain('Betreuungsschlüssel Sozialarbeit: 1:80 (Asylverfahren offen), 1:100 (Schutz gewährt)');

    const gapIndicator = stored.indicators.find((id) => id.startsWith('projected_gap_kita'))!;
    const values = await call('indicator.values', { indicatorId: gapIndicator, layer: run.layer, period: '2026-12-31' });
    const runGap2026 = run.areas.map((area) => area.years.find((year) => year.year === 2026)!.gap.kita);
    expect(values.values.map((value) => value.value)).toEqual(runGap2026);
    expect(new Set(values.values.map((value) => value.quality))).toEqual(new Set(['projected']));
    expect(values.sources.map((source) => source.id)).toEqual(['projection_mittel']);
    // The demo's start population is synthetic: so is its projection, and it says so.
    expect(values.sources[0]!.synthetic).toBe(true);
    expect(values.sources[0]!.attribution).toContain('Beispieldaten, synthetisch');
  });

  it('storing twice replaces, and another scenario is kept apart instead of added on', async () => {
    const first = await call('planning.storeResults', { scenarioId: 'mittel' });
    const { scenario } = await call('planning.getScenario', { id: 'mittel' });
    await call('planning.saveScenario', { scenario: { ...scenario, years: 3 } });
    const again = await call('planning.storeResults', { scenarioId: 'mittel' });
    expect(again.years).toHaveLength(3);
    expect(again.observations).toBe((first.observations / first.years.length) * 3);
    await call('planning.storeResults', { scenarioId: 'hoch' });

    const run = await call('planning.run', { scenarioId: 'mittel' });
    const rows = await savedRows('projection_mittel', 'projected_gap', 'staff', '2026-12-31');
    expect(rows.count).toBe(again.observations);
    expect(rows.total).toBeCloseTo(sum(run.areas.map((area) => area.years.find((year) => year.year === 2026)!.gap.staff)), 6);

    const population = await call('indicator.values', { indicatorId: 'projected_population__mittel', layer: run.layer, period: '2027-12-31' });
    expect(population.values.map((value) => value.value)).toEqual(run.areas.map((area) => area.years.find((year) => year.year === 2027)!.population));
    // Years past the shortened run are gone, not left over from the first store: asked for, 2030 is
    // refused with the years that remain.
    await expect(call('indicator.values', { indicatorId: 'projected_population__mittel', layer: run.layer, period: '2030-12-31' })).rejects.toThrow(
      /has no values for 31\/12\/2030\. Available: 31\/12\/2025, 31\/12\/2026, 31\/12\/2027\.$/,
    );
  });
});
