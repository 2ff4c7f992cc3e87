/**
 * The `kleinraum` launcher loads its one-file bundle with a V8 code cache per command
 * (electron/node/launcher/codeCache.cjs, issue 16). A cache must speed up a start and never change what
 * runs: it is written by a command's first run, taken by the next, and never used for other code.
 * Each case runs in a child process, because a cache is written when the process exits.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { repoRoot, runKleinraum } from './runKleinraum';

const codeCacheModule = pathToFileURL(path.join(repoRoot, 'electron', 'node', 'launcher', 'codeCache.cjs')).href;

let directory: TempDir;

beforeAll(() => {
  directory = makeTempDir('kleinraum-code-cache-');
});

afterAll(() => directory.remove());

interface Load {
  value: string;
  cacheUsed: boolean;
}

/**
 * Loads `bundle` through the cache loader in a fresh Node process and returns what the module exports as
 * `value` and whether V8 took the cache. `beforeExit` is JavaScript run after loading, before the process
 * ends (and the cache is written).
 */
function loadInChild(bundle: string, cacheDir: string, key: string, beforeExit = '', keepCache = true): Promise<Load> {
  const script = `
    import { requireWithCodeCache } from ${JSON.stringify(codeCacheModule)};
    import fs from 'node:fs';
    const { exports, cacheUsed } = requireWithCodeCache(${JSON.stringify(bundle)}, ${JSON.stringify(cacheDir)}, ${JSON.stringify(key)}, { keepCache: () => ${keepCache} });
    process.stdout.write(JSON.stringify({ value: exports.value(), cacheUsed }));
    ${beforeExit}`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${error.message}\n${stderr}`));
      resolve(JSON.parse(stdout) as Load);
    });
  });
}

/** A small CommonJS module with a few functions, like a bundle (its text beyond ASCII on purpose). */
function writeBundle(file: string, greeting: string): void {
  const helpers = Array.from({ length: 50 }, (_, index) => `function helper${index}(x) { return x + ${index}; }`).join('\n');
  fs.writeFileSync(file, `${helpers}\nconst pattern = /^(zuz(ü|ue)ge)$/i;\nexports.value = () => ${JSON.stringify(greeting)} + (pattern.test('Zuzüge') ? ' ✓' : ' ✗') + helper49(0);\n`);
}

const cacheFiles = (cacheDir: string) => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((name) => name.endsWith('.v8cache')) : []);

describe('the code cache of the kleinraum bundle', () => {
  it('is written by the first run, taken by the next, and changes nothing the module does', async () => {
    const bundle = directory.file('first.cjs');
    const cacheDir = directory.file('cache-first');
    writeBundle(bundle, 'Grüße');
    const first = await loadInChild(bundle, cacheDir, 'info');
    expect(first).toEqual({ value: 'Grüße ✓49', cacheUsed: false });
    expect(cacheFiles(cacheDir)).toHaveLength(1);
    expect(cacheFiles(cacheDir)[0]).toMatch(/^info-\d+-\d+\.v8cache$/);

    const second = await loadInChild(bundle, cacheDir, 'info');
    expect(second).toEqual({ value: 'Grüße ✓49', cacheUsed: true });
    // Another command has its own cache.
    expect(await loadInChild(bundle, cacheDir, 'scenario')).toEqual({ value: 'Grüße ✓49', cacheUsed: false });
    expect(cacheFiles(cacheDir)).toHaveLength(2);
  }, 60_000);

  it('is not used for a changed bundle, and a run whose bundle was rebuilt meanwhile writes none', async () => {
    const bundle = directory.file('changed.cjs');
    const cacheDir = directory.file('cache-changed');
    writeBundle(bundle, 'alt');
    await loadInChild(bundle, cacheDir, 'info');
    const [oldCache] = cacheFiles(cacheDir);

    // The same length, other code: the name (size and modification time) keeps the old cache away.
    writeBundle(bundle, 'neu');
    fs.utimesSync(bundle, new Date(), new Date(Date.now() + 5_000));
    expect(await loadInChild(bundle, cacheDir, 'info')).toEqual({ value: 'neu ✓49', cacheUsed: false });
    expect(cacheFiles(cacheDir)).toContain(oldCache);
    expect(cacheFiles(cacheDir)).toHaveLength(2);

    // Rebuilt while the command ran: this run's code must not be stored for the new file.
    const rebuilt = directory.file('rebuilt.cjs');
    const rebuiltCacheDir = directory.file('cache-rebuilt');
    writeBundle(rebuilt, 'vorher');
    const rewrite = `fs.writeFileSync(${JSON.stringify(rebuilt)}, fs.readFileSync(${JSON.stringify(rebuilt)}, 'utf8') + '// rebuilt\\n');`;
    expect(await loadInChild(rebuilt, rebuiltCacheDir, 'info', rewrite)).toEqual({ value: 'vorher ✓49', cacheUsed: false });
    expect(cacheFiles(rebuiltCacheDir)).toEqual([]);
  }, 60_000);

  // Two runs that end without a cache: the bundle deleted while the command runs (a clean build), and a run
  // the launcher does not want kept (a mistyped command, --help). Both must end normally.
  it.each([
    { run: 'a bundle deleted while the command runs', greeting: 'weg', beforeExit: (bundle: string) => `fs.rmSync(${JSON.stringify(bundle)});`, keepCache: true },
    { run: 'a run the launcher does not want kept', greeting: 'nichts', beforeExit: () => '', keepCache: false },
  ])('$run ends normally and keeps no cache', async ({ greeting, beforeExit, keepCache }) => {
    const bundle = directory.file(`${greeting}.cjs`);
    const cacheDir = directory.file(`cache-${greeting}`);
    writeBundle(bundle, greeting);
    expect(await loadInChild(bundle, cacheDir, 'info', beforeExit(bundle), keepCache)).toEqual({ value: `${greeting} ✓49`, cacheUsed: false });
    expect(cacheFiles(cacheDir)).toEqual([]);
  }, 60_000);

  it('runs without the saving where the cache folder cannot be written', async () => {
    const bundle = directory.file('readonly.cjs');
    writeBundle(bundle, 'ohne');
    // A file where the folder should be: nothing can be written below it.
    const blocked = directory.file('not-a-folder');
    fs.writeFileSync(blocked, '');
    expect(await loadInChild(bundle, path.join(blocked, 'cache'), 'info')).toEqual({ value: 'ohne ✓49', cacheUsed: false });
    expect(await loadInChild(bundle, path.join(blocked, 'cache'), 'info')).toEqual({ value: 'ohne ✓49', cacheUsed: false });
  }, 60_000);

  it('kleinraum keeps one cache per command beside its bundle, and the cached run prints the same', async () => {
    const dataDir = directory.file('data');
    const demo = directory.file('demo.gpkg');
    expect((await runKleinraum(['demo', '--out', demo], dataDir)).exitCode).toBe(0);
    const first = await runKleinraum(['info', demo, '--json'], dataDir);
    const second = await runKleinraum(['info', demo, '--json'], dataDir);
    expect(first.exitCode).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const caches = cacheFiles(path.join(repoRoot, 'build', 'node', 'cache'));
    expect(caches.some((name) => name.startsWith('info-'))).toBe(true);
    expect(caches.some((name) => name.startsWith('demo-'))).toBe(true);
    // A mistyped command is refused and leaves no cache of its own.
    expect((await runKleinraum(['infoo', demo], dataDir)).exitCode).toBe(2);
    expect(cacheFiles(path.join(repoRoot, 'build', 'node', 'cache')).some((name) => name.startsWith('infoo-'))).toBe(false);
  }, 120_000);
});
