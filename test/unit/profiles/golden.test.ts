/**
 * Golden SVG snapshots of the profile figures from the fixed fixture data (test/unit/profiles/profileFixtures.ts):
 * one pyramid panel and one panel grid. Regenerate with `REGEN=1 npx vitest run test/unit/profiles/golden.test.ts`,
 * then look at the pictures (e.g. render them with resvg) and review the diff before committing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateProfiles } from '../../../shared/profiles/aggregateProfiles';
import { orderPanels } from '../../../shared/profiles/orderPanels';
import type { AreaProfile } from '../../../shared/profiles/profileTypes';
import { indicatorScaleMax, sharedScaleMax } from '../../../shared/profiles/svg/panelScale';
import { standalonePanelSvg } from '../../../shared/profiles/svg/profilePanelSvg';
import { profileGridSvg } from '../../../shared/profiles/svg/profileGridSvg';
import { repoRoot } from '../../helpers/repoRoot';
import { FIXTURE_COMPARE_PERIOD, fixtureInput } from './profileFixtures';

const goldenDirectory = path.join(repoRoot, 'test/golden/profiles');
const regenerate = process.env.REGEN === '1';

function matchesGolden(name: string, actual: string): void {
  const file = path.join(goldenDirectory, name);
  if (regenerate || !existsSync(file)) {
    if (!regenerate) throw new Error(`Golden file ${name} is missing: run with REGEN=1 and review it.`);
    writeFileSync(file, `${actual}\n`);
  }
  expect(actual).toBe(readFileSync(file, 'utf8').trimEnd());
}

describe('profile figures (golden SVG)', () => {
  const set = aggregateProfiles(fixtureInput({ comparePeriod: FIXTURE_COMPARE_PERIOD }));
  const town = set.areas[0] as AreaProfile;

  it('one population pyramid with its refugee part and the region as outline', () => {
    const svg = standalonePanelSvg(town, {
      view: 'pyramid',
      mode: 'shares',
      scaleMax: sharedScaleMax([...set.areas, set.region], 'pyramid', 'shares'),
      indicatorMax: indicatorScaleMax(set.areas),
      reference: set.region,
      region: set.region,
      categories: set,
      indicators: set.indicators,
      width: 240,
      height: 200,
      locale: 'de',
    });
    matchesGolden('pyramid-panel.svg', svg);
  });

  it('a panel grid of both areas, sorted by refugees per 1,000, with the suppressed village cells marked', () => {
    const svg = profileGridSvg(set, {
      view: 'pyramid',
      mode: 'shares',
      locale: 'de',
      groups: orderPanels(set.areas, { sortBy: 'refugeesPer1000', descending: true, filter: '' }),
      reference: set.region,
      columns: 3,
    });
    matchesGolden('pyramid-grid.svg', svg);
  });

  it('the indicators grid with the comparison date', () => {
    const svg = profileGridSvg(set, { view: 'indicators', mode: 'shares', locale: 'de', groups: [{ group: null, areas: set.areas }], reference: set.region, columns: 2 });
    matchesGolden('indicators-grid.svg', svg);
  });
});
