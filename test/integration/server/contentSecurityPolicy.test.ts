/**
 * The renderer's meta CSP, the server's header CSP and Electron's request filter must allow exactly the
 * same remote content: our own origin plus the basemap.de host, for fetching and images only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_REMOTE_ORIGINS,
  BASEMAP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  isAllowedRemoteRequest,
  RENDERER_CONTENT_SECURITY_POLICY,
} from '../../../electron/node/server/securityHeaders';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function metaPolicy(): string {
  const html = fs.readFileSync(path.join(repoRoot, 'renderer/index.html'), 'utf8');
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('renderer/index.html has no CSP meta tag');
  return match[1];
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

describe('content security policy', () => {
  it('is the same in renderer/index.html and in the server header', () => {
    expect(metaPolicy()).toBe(RENDERER_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY.startsWith(`${RENDERER_CONTENT_SECURITY_POLICY}; `)).toBe(true);
  });

  it('allows the basemap host only for fetching and images, and scripts only from our own origin', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(ALLOWED_REMOTE_ORIGINS).toEqual(['https://sgx.geodatenzentrum.de']);
    expect(policy.get('connect-src')).toEqual(["'self'", BASEMAP_ORIGIN]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:', BASEMAP_ORIGIN]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    const remoteMentions = CONTENT_SECURITY_POLICY.match(/https?:\/\/[^\s;]+/g) ?? [];
    expect(new Set(remoteMentions)).toEqual(new Set([BASEMAP_ORIGIN]));
  });
});

describe('styles', () => {
  it("allow no inline styles: style-src 'self' only, in the meta tag and the header (the export preview builds its stylesheet through the CSSOM)", () => {
    expect(directives(metaPolicy()).get('style-src')).toEqual(["'self'"]);
    expect(directives(CONTENT_SECURITY_POLICY).get('style-src')).toEqual(["'self'"]);
  });
});

describe('Electron request filter', () => {
  it.each([
    'https://sgx.geodatenzentrum.de/gdz_basemapde_vektor/styles/bm_web_col.json',
    'https://sgx.geodatenzentrum.de/gdz_basemapde_vektor/tiles/v2/bm_web_de_3857/bm_web_de_3857.json',
    'https://sgx.geodatenzentrum.de/gdz_basemapde_vektor/tiles/v2/bm_web_de_3857/9/271/168.pbf',
    'https://sgx.geodatenzentrum.de/gdz_basemapde_vektor/sprites/v2/bm_web_col_sprite@2x.png',
    'https://sgx.geodatenzentrum.de/gdz_basemapde_vektor/fonts/v2/Roboto%20Regular/0-255.pbf',
    'https://SGX.geodatenzentrum.de:443/gdz_basemapde_vektor/styles/bm_web_col.json',
  ])('lets the basemap through: %s', (url) => {
    expect(isAllowedRemoteRequest(url, 'GET')).toBe(true);
  });

  it.each([
    ['http://sgx.geodatenzentrum.de/gdz_basemapde_vektor/styles/bm_web_col.json', 'GET'],
    ['https://sgx.geodatenzentrum.de:8443/x', 'GET'],
    ['https://sgx.geodatenzentrum.de.example.org/x', 'GET'],
    ['https://user@sgx.geodatenzentrum.de/x', 'GET'],
    ['https://sg.geodatenzentrum.de/x', 'GET'],
    ['https://example.org/', 'GET'],
    ['wss://sgx.geodatenzentrum.de/socket', 'GET'],
    ['https://sgx.geodatenzentrum.de/upload', 'POST'],
    ['not a url', 'GET'],
  ])('blocks %s (%s)', (url, method) => {
    expect(isAllowedRemoteRequest(url, method)).toBe(false);
  });
});
