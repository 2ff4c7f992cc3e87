/**
 * Browser mode's file confinement covers every contract method that takes a path: a method added later with
 * a `path`, `dir` or `outDir` input must be listed in fileAccess.ts, or a page with the token could read or
 * write any file of the user through it (flows.import read any file and returned its cells; sources.
 * exportComparison wrote anywhere).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContract, type KleinraumApi } from '../../../shared/contract/api';
import { UserError } from '../../../shared/contract/errors';
import { confineFileAccess } from '../../../electron/node/services/fileAccess';

const PATH_KEYS = ['path', 'dir', 'outDir'];

const contract = await loadContract();

const allowed = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-allowed-'));
const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-outside-'));
afterAll(() => {
  fs.rmSync(allowed, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

/** Every method with a path-like input, and which of its keys are paths (read from the contract's schemas). */
const methodsWithPaths = Object.entries(contract).flatMap(([method, spec]) => {
  const shape = (spec.input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const keys = Object.keys(shape).filter((key) => PATH_KEYS.includes(key));
  return keys.length > 0 ? [{ method, keys }] : [];
});

function recordingApi(calls: string[]): KleinraumApi {
  return Object.fromEntries(
    Object.keys(contract).map((method) => [method, async (input: Record<string, unknown>) => (calls.push(method), { dir: input.dir ?? allowed, parent: null, entries: [] })]),
  ) as unknown as KleinraumApi;
}

describe('browser-mode file confinement', () => {
  it('knows the methods that take paths (the contract has them)', () => {
    expect(methodsWithPaths.map((entry) => entry.method)).toEqual(expect.arrayContaining(['project.open', 'project.saveAs', 'files.list', 'import.inspect', 'export.batch', 'flows.import', 'sources.exportComparison']));
  });

  it('names each allowed folder once, also when the project folder was given with --allow-dir', async () => {
    const confined = confineFileAccess(recordingApi([]), () => [allowed, path.join(allowed, '.'), allowed]);
    const refusal = (await confined['import.inspect']({ path: path.join(outside, 'geheim.csv') }).catch((error: unknown) => error)) as UserError;
    expect(refusal.text.de.split(fs.realpathSync(allowed))).toHaveLength(2);
  });

  it('lists the allowed folders as shortcuts, each once, so a folder beside home is reachable from the dialog', async () => {
    const second = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-allowed-second-'));
    try {
      const confined = confineFileAccess(recordingApi([]), () => [allowed, second, path.join(allowed, '.')]);
      const listing = (await confined['files.list']({ dir: allowed })) as { places?: string[] };
      expect(listing.places).toEqual([fs.realpathSync(allowed), fs.realpathSync(second)]);
    } finally {
      fs.rmSync(second, { recursive: true, force: true });
    }
  });

  it.each(methodsWithPaths.flatMap(({ method, keys }) => keys.map((key) => [method, key] as const)))('%s refuses a %s outside the allowed folders without calling the service', async (method, key) => {
    const calls: string[] = [];
    const confined = confineFileAccess(recordingApi(calls), () => [allowed]) as unknown as Record<string, (input: unknown) => Promise<unknown>>;
    const target = path.join(outside, key === 'path' ? 'geheim.csv' : 'ordner');
    const refusal = await confined[method]!({ [key]: target }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(UserError);
    expect((refusal as UserError).text.en).toContain('--allow-dir');
    expect(calls).toEqual([]);
    await confined[method]!({ [key]: path.join(allowed, key === 'path' ? 'daten.csv' : 'ordner') });
    expect(calls).toEqual([method]);
  });
});
