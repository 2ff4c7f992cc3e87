/**
 * The natural-breaks methods must reproduce a published Fisher–Jenks result exactly: class membership and
 * each class's upper limit as the source lists them (see the fixture's `source`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../shared/classification/classify';

const fixturePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../golden/classification/in/jenkspy-published.json');

interface PublishedFixture {
  values: number[];
  published: { classes: number; classUpperLimits: number[]; classSizes: number[] };
}

const fixture = JSON.parse(readFileSync(fixturePath, 'utf8')) as PublishedFixture;

describe.each(['jenks', 'ckmeans'] as const)('%s on the published jenkspy example', (method) => {
  const classification = classify(fixture.values, { method, classes: fixture.published.classes });

  it('finds the published class sizes', () => {
    expect(classification.classes.map((classInterval) => classInterval.count)).toEqual(fixture.published.classSizes);
  });

  it('finds the published upper limit of every class', () => {
    const upperLimits = classification.classes.map((_, classIndex) =>
      Math.max(...fixture.values.filter((_, valueIndex) => classification.classOfValue[valueIndex] === classIndex)),
    );
    expect(upperLimits).toEqual(fixture.published.classUpperLimits);
  });

  it('starts at the data minimum and ends at the maximum', () => {
    expect(classification.breaks[0]).toBe(Math.min(...fixture.values));
    expect(classification.breaks.at(-1)).toBe(Math.max(...fixture.values));
  });
});
