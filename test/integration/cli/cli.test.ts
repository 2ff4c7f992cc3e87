import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKleinraum, spawnKleinraum } from './runKleinraum';

let workDir: string;
let dataDir: string;
let demoPath: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-cli-'));
  dataDir = path.join(workDir, 'data');
  demoPath = path.join(workDir, 'demo.gpkg');
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

const STACK_FRAME = /^\s+at /m;

describe('kleinraum demo and info', () => {
  it('writes the demo project and describes it as one JSON document', async () => {
    const demo = await runKleinraum(['demo', '--out', demoPath, '--json'], dataDir);
    expect(demo.stderr).toBe('');
    expect(demo.exitCode).toBe(0);
    const demoDocument = JSON.parse(demo.stdout) as { path: string; areas: number; variables: number; periods: number };
    expect(demoDocument.path).toBe(demoPath);
    expect(demoDocument.areas).toBeGreaterThanOrEqual(21);
    expect(demoDocument.variables).toBeGreaterThan(0);
    expect(demoDocument.periods).toBeGreaterThan(0);
    expect(fs.statSync(demoPath).size).toBeGreaterThan(0);

    const info = await runKleinraum(['info', demoPath, '--json'], dataDir);
    expect(info.exitCode).toBe(0);
    const document = JSON.parse(info.stdout) as {
      schemaVersion: number;
      layers: { name: string; featureCount: number; crs: string }[];
      scenarios: { id: string; name: string }[];
      indicators: { id: string; name: string; unit: string; periods: string[] }[];
      variables: { id: string; name: string; dimensions: string[] }[];
      sources: { id: string; name: string; stichtag: string | null; attribution: string }[];
    };
    expect(document.schemaVersion).toBeGreaterThan(0);
    expect(document.layers.find((layer) => layer.name === 'gemeinden')).toMatchObject({ featureCount: 21, crs: expect.any(String) });
    // The demo ships the three preset scenarios (niedrig / mittel / hoch).
    expect(document.scenarios.map((scenario) => scenario.id)).toEqual(['niedrig', 'mittel', 'hoch']);
    for (const scenario of document.scenarios) expect(scenario.name.length).toBeGreaterThan(0);
    expect(document.indicators.length).toBeGreaterThan(0);
    for (const indicator of document.indicators) expect(indicator.periods.every((period) => /^\d{4}-\d{2}-\d{2}$/.test(period))).toBe(true);
    expect(document.variables.every((variable) => Array.isArray(variable.dimensions))).toBe(true);
    expect(document.sources.some((source) => source.stichtag === '2022-05-15')).toBe(true);
  });

  it('describes the project for humans in German by default and in English with --lang en', async () => {
    const german = await runKleinraum(['info', demoPath], dataDir);
    expect(german.exitCode).toBe(0);
    expect(german.stdout).toContain('Ebenen:');
    expect(german.stdout).toMatch(/gemeinden .*: 21 Gebiete/);
    const english = await runKleinraum(['info', demoPath, '--lang', 'en'], dataDir);
    expect(english.stdout).toContain('Layers:');
    expect(english.stdout).toMatch(/gemeinden .*: 21 areas/);
  });

  it('prints scenario costs rounded as the planning tab does, and says when they rest on placeholder rates', async () => {
    const text = await runKleinraum(['scenario', demoPath, '--scenario', 'mittel', '--year', '2027'], dataDir);
    expect(text.exitCode).toBe(0);
    const costs = text.stdout.split('\n').find((line) => line.startsWith('Kosten 2027'));
    // "Handeln rund 140 Mio. € / Nicht-Handeln rund 220 Mio. €": two significant digits, never euro-exact.
    expect(costs).toMatch(/^Kosten 2027: Handeln rund \d{1,3}(,\d)? Mio\. € \/ Nicht-Handeln rund \d{1,3}(,\d)? Mio\. € je Jahr/);
    expect(text.stdout).toContain('Platzhalter-Kostensätzen');
  });

  it('refuses to overwrite an existing project without --force', async () => {
    const again = await runKleinraum(['demo', '--out', demoPath], dataDir);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('--force');
  });
});

describe('kleinraum errors', () => {
  it('exits 2 on a usage error, naming the flag, without a stack trace', async () => {
    const result = await runKleinraum(['demo', '--output', 'x.gpkg'], dataDir);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--output');
    expect(result.stderr).not.toMatch(STACK_FRAME);
    const missing = await runKleinraum(['demo'], dataDir);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('--out');
  });

  it('exits 1 with one line when the project file is missing', async () => {
    const result = await runKleinraum(['info', path.join(workDir, 'missing.gpkg'), '--json'], dataDir);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('Projektdatei nicht gefunden');
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('speaks English with --lang en', async () => {
    const result = await runKleinraum(['info', path.join(workDir, 'missing.gpkg'), '--lang', 'en'], dataDir);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('Project file not found');
  });

  it('prints a stack trace only with --debug', async () => {
    const notAProject = path.join(workDir, 'text.gpkg');
    fs.writeFileSync(notAProject, 'this is not a GeoPackage');
    const plain = await runKleinraum(['info', notAProject], dataDir);
    expect(plain.exitCode).toBe(1);
    expect(plain.stderr).not.toMatch(STACK_FRAME);
    const debug = await runKleinraum(['info', notAProject, '--debug'], dataDir);
    expect(debug.exitCode).toBe(1);
    expect(debug.stderr).toMatch(STACK_FRAME);
  });

  it('prints help and the version with exit 0', async () => {
    const help = await runKleinraum(['--help', '--lang', 'en'], dataDir);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/demo\s+Write the Region Hannover demo project/);
    const version = await runKleinraum(['--version', '--json'], dataDir);
    expect(JSON.parse(version.stdout)).toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });
});

describe('kleinraum serve', () => {
  it('refuses a missing --project and a bad --port before starting', async () => {
    const missing = await runKleinraum(['serve', '--project', path.join(workDir, 'missing.gpkg')], dataDir);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('--project');
    const badPort = await runKleinraum(['serve', '--port', '70000', '--lang', 'en'], dataDir);
    expect(badPort.exitCode).toBe(2);
    expect(badPort.stderr).toContain('--port expects a number from 0 to 65535');
  });

  it('refuses --token on the command line, short tokens, open token files and network hosts without --allow-network', async () => {
    const onCommandLine = await runKleinraum(['serve', '--token', 'x'.repeat(40), '--lang', 'en'], dataDir);
    expect(onCommandLine.exitCode).toBe(2);
    expect(onCommandLine.stderr).toContain('Unknown option --token');
    const shortFile = path.join(workDir, 'short-token');
    fs.writeFileSync(shortFile, 'too-short', { mode: 0o600 });
    const short = await runKleinraum(['serve', '--token-file', shortFile, '--lang', 'en'], dataDir);
    expect(short.exitCode).toBe(2);
    expect(short.stderr).toContain('32 to 200 characters');
    const openFile = path.join(workDir, 'open-token');
    fs.writeFileSync(openFile, 'y'.repeat(40), { mode: 0o644 });
    fs.chmodSync(openFile, 0o644);
    const open = await runKleinraum(['serve', '--token-file', openFile, '--lang', 'en'], dataDir);
    expect(open.exitCode).toBe(2);
    expect(open.stderr).toContain('chmod 600');
    const network = await runKleinraum(['serve', '--host', '0.0.0.0', '--lang', 'en'], dataDir);
    expect(network.exitCode).toBe(2);
    expect(network.stderr).toContain('--allow-network');
  });

  it('prints a one-time start link, answers API calls with the token from a 0600 file, confines files and stops on SIGTERM', async () => {
    const token = 'cli-test-token-0123456789-abcdefghijklmnopq';
    const tokenFile = path.join(workDir, 'token');
    fs.writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
    const child = spawnKleinraum(['serve', '--port', '0', '--json', '--token-file', tokenFile, '--allow-dir', workDir], dataDir);
    try {
      const started = await new Promise<{ url: string; port: number }>((resolve, reject) => {
        let stdout = '';
        let stderr = '';
        const timer = setTimeout(() => reject(new Error(`serve did not start within 30 s: ${stderr}`)), 30_000);
        child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.stdout?.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          try {
            const document = JSON.parse(stdout) as { url: string; port: number };
            clearTimeout(timer);
            resolve(document);
          } catch {
            // The JSON document may arrive in several chunks; wait for the rest.
          }
        });
        child.once('exit', (code) => reject(new Error(`serve exited early with ${code}: ${stderr}`)));
      });
      expect(started.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${started.port}/\\?launch=[\\w-]{43}$`));
      expect(JSON.stringify(started)).not.toContain(token);
      const api = (method: string, body: unknown) =>
        fetch(`http://127.0.0.1:${started.port}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Kleinraum-Token': token }, body: JSON.stringify(body) }).then(
          (response) => response.json() as Promise<{ ok: boolean; value?: unknown; error?: { message: { en: string } } }>,
        );
      expect(await api('host.info', {})).toMatchObject({ ok: true, value: { mode: 'browser' } });
      expect(await api('project.current', {})).toMatchObject({ ok: true, value: { isDemo: true } });
      // Outside home, the project folder and --allow-dir: neither listed, nor read, nor written.
      const outside = fs.mkdtempSync(path.join(path.dirname(workDir), 'kleinraum-outside-'));
      try {
        fs.writeFileSync(path.join(outside, 'geheim.csv'), 'AGS;Name;Wert\n03241001;Geheim;1\n');
        for (const [method, body] of [
          ['files.list', { dir: outside }],
          ['import.inspect', { path: path.join(outside, 'geheim.csv') }],
          ['project.saveAs', { path: path.join(outside, 'neu.gpkg') }],
        ] as const) {
          const refused = await api(method, body);
          expect(refused.ok, method).toBe(false);
          expect(refused.error?.message.en).toContain('--allow-dir');
          expect(JSON.stringify(refused)).not.toContain('Geheim');
        }
        expect(fs.existsSync(path.join(outside, 'neu.gpkg'))).toBe(false);
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
      fs.writeFileSync(path.join(workDir, 'erlaubt.csv'), 'AGS;Name;Einwohner 31.12.2022\n03241001;Hannover;513291\n03241002;Barsinghausen;33727\n');
      expect(await api('import.inspect', { path: path.join(workDir, 'erlaubt.csv') })).toMatchObject({ ok: true });

      const exitCode = await new Promise<number | null>((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      });
      expect(exitCode).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
