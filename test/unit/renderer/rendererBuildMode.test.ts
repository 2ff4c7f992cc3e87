import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from 'vite';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const inherited = process.env['NODE_ENV'];

afterEach(() => {
  // Resolving the build config sets NODE_ENV for the build; this test process keeps its own.
  process.env['NODE_ENV'] = inherited;
});

describe('renderer build (vite.config.ts)', () => {
  it('is a production build even when NODE_ENV says otherwise (vitest sets "test", and npm start rebuilds from a test)', async () => {
    process.env['NODE_ENV'] = 'test';
    const config = await resolveConfig({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'silent' }, 'build');
    expect(config.isProduction).toBe(true);
    expect(process.env['NODE_ENV']).toBe('production');
  });
});
