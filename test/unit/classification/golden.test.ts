/**
 * Golden tests: the breaks of every method on fixed data. Inputs live in test/golden/classification/in,
 * expected outputs in …/out. Regenerate with `REGEN=1 npx vitest run test/unit/classification` and review
 * the diff of …/out before committing (one case per line, so a changed break is one changed line).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../shared/classification/classify';
import type { ClassificationOptions } from '../../../shared/classification/types';

const goldenDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../golden/classification');
const regenerate = process.env.REGEN === '1';

interface GoldenInput {
  description: string;
  source: string;
  values: (number | null)[];
  cases: ClassificationOptions[];
}

interface GoldenCase {
  options: ClassificationOptions;
  breaks: number[];
  counts: number[];
  openEnded: ('below' | 'above' | null)[];
}

function computeCases(input: GoldenInput): GoldenCase[] {
  return input.cases.map((options) => {
    const classification = classify(input.values, options);
    return {
      options,
      breaks: classification.breaks,
      counts: classification.classes.map((classInterval) => classInterval.count),
      openEnded: classification.classes.map((classInterval) => classInterval.openEnded ?? null),
    };
  });
}

function serialise(cases: GoldenCase[]): string {
  return `[\n${cases.map((goldenCase) => `  ${JSON.stringify(goldenCase)}`).join(',\n')}\n]\n`;
}

const inputFiles = readdirSync(path.join(goldenDirectory, 'in')).filter((name) => name.endsWith('.json'));

describe('classification goldens', () => {
  it('has input fixtures', () => {
    expect(inputFiles.length).toBeGreaterThan(0);
  });

  for (const fileName of inputFiles) {
    it(`matches the expected breaks for ${fileName}`, () => {
      const input = JSON.parse(readFileSync(path.join(goldenDirectory, 'in', fileName), 'utf8')) as GoldenInput;
      const actual = computeCases(input);
      const outputPath = path.join(goldenDirectory, 'out', fileName);
      if (regenerate) writeFileSync(outputPath, serialise(actual));
      const expected = JSON.parse(readFileSync(outputPath, 'utf8')) as GoldenCase[];
      expect(actual).toEqual(expected);
    });
  }
});
