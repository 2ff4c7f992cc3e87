/**
 * Writes the shipped boundary assets (assets/boundaries/*.geo.json) from the BKG data beside the checkout:
 * `npm run generate:boundaries` (or `node --import tsx electron/node/demo/writeDemoBoundaries.ts [data folder]`,
 * default `../shared/data`). What is derived from what, and how, is in demoBoundaryAssets.ts; a test checks
 * that the committed files are exactly what this writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLaenderAsset, generateMunicipalityAsset, LAENDER_ASSET_PATH, MUNICIPALITY_ASSET_PATH } from './demoBoundaryAssets';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataFolder = path.resolve(process.argv[2] ?? path.join(repositoryRoot, '../shared/data'));

for (const [relativePath, generate] of [
  [MUNICIPALITY_ASSET_PATH, generateMunicipalityAsset],
  [LAENDER_ASSET_PATH, generateLaenderAsset],
] as const) {
  const text = await generate(dataFolder);
  const target = path.join(repositoryRoot, relativePath);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`${relativePath}: ${Buffer.byteLength(text)} bytes`);
}
