/**
 * Queen contiguity of all 10 990 Gemeinden of Germany (VG250, simplified; ../shared/data), as the import
 * stores them, against spdep `poly2nb(queen = TRUE, snap = 1e-7)`: the same number of links and islands and
 * the same neighbour lists (compared by the MD5 digest that test/golden/spatial/make-expected-germany.R
 * wrote, since the lists are too large to commit).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contiguityWeights } from '../../../shared/spatial/contiguityWeights';
import { neighbourLists, summariseWeights } from '../../../shared/spatial/spatialWeights';
import { germanyGemeinden } from '../../golden/spatial/goldenCases';
import { repoRoot } from '../../helpers/repoRoot';
import { sharedDataAvailable } from '../../helpers/sharedData';
import { skipWithReason } from '../../helpers/skipWithReason';

describe('queen weights of Germany', () => {
  it('equal spdep poly2nb on 10 990 Gemeinden', async (context) => {
    if (!sharedDataAvailable()) skipWithReason(context, '../shared/data is not present beside the checkout');
    const expected = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/golden/spatial/out/germany.spdep.json'), 'utf8')) as {
      areas: number;
      links: number;
      islands: number;
      firstKey: string;
      lastKey: string;
      queenMd5: string;
      toleranceDegrees: number;
    };
    const areas = await germanyGemeinden();
    expect(areas.length).toBe(expected.areas);
    expect([areas[0]!.key, areas.at(-1)!.key]).toEqual([expected.firstKey, expected.lastKey]);
    const weights = contiguityWeights(areas, 'queen', expected.toleranceDegrees);
    const summary = summariseWeights(weights);
    expect({ links: summary.links, islands: summary.islands }).toEqual({ links: expected.links, islands: expected.islands });
    const canonical = `${neighbourLists(weights).map((list) => list.join(' ')).join('\n')}\n`;
    expect(createHash('md5').update(canonical).digest('hex')).toBe(expected.queenMd5);
  });
});
