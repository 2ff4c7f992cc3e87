import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../electron/node/server/startServer';
import { CONTENT_SECURITY_POLICY } from '../../../electron/node/server/securityHeaders';
import { HTTP_TOKEN_HEADER } from '../../../shared/contract/transport';
import { httpRequest } from './httpRequest';
import { createStubApi } from './stubApi';

const TOKEN = 'test-token-0123456789-abcdefghijklmnop';
let workDir: string;
let staticDir: string;
let server: RunningServer;
let emitted: ((name: 'progress', payload: unknown) => void) | null = null;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-server-'));
  staticDir = path.join(workDir, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Kleinraum test page</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.mjs'), 'export const answer = 42;');
  fs.writeFileSync(path.join(staticDir, 'assets', 'module.wasm'), Buffer.from([0, 97, 115, 109]));
  fs.writeFileSync(path.join(workDir, 'secret.txt'), 'outside the static folder');
  server = await startServer({
    api: (emit) => {
      emitted = emit;
      return createStubApi();
    },
    staticDir,
    token: TOKEN,
    onInternalError: () => {},
  });
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

const host = () => `127.0.0.1:${server.port}`;
const callApi = (method: string, body: unknown, token = TOKEN) =>
  httpRequest(server.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Host: host(), 'Content-Type': 'application/json', [HTTP_TOKEN_HEADER]: token },
    body: JSON.stringify(body),
  });

describe('browser-mode server', () => {
  it('prints a loopback start link with a one-time launch token, never the script token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?launch=[A-Za-z0-9_-]{43}$`));
    expect(server.url).not.toContain(TOKEN);
  });

  it('exchanges the launch token once for an HttpOnly, SameSite=Strict session cookie that opens the API', async () => {
    const launchPath = server.url.slice(server.origin.length);
    const first = await httpRequest(server.port, { path: launchPath, headers: { Host: host() } });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^kleinraum_session_${server.port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`));
    const again = await httpRequest(server.port, { path: launchPath, headers: { Host: host() } });
    expect(again.status).toBe(403);
    expect(again.body).toContain('already used');
    const withCookie = await httpRequest(server.port, { method: 'POST', path: '/api/host.info', headers: { Host: host(), Cookie: cookie.split(';')[0]!, 'Content-Type': 'application/json' }, body: '{}' });
    expect(withCookie.status).toBe(200);
    const forged = await httpRequest(server.port, { method: 'POST', path: '/api/host.info', headers: { Host: host(), Cookie: `kleinraum_session_${server.port}=forged`, 'Content-Type': 'application/json' }, body: '{}' });
    expect(forged.status).toBe(403);
  });

  it('serves index.html with the CSP and nosniff headers', async () => {
    const response = await httpRequest(server.port, { path: '/', headers: { Host: host() } });
    expect(response.status).toBe(200);
    expect(response.body).toContain('Kleinraum test page');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves module scripts and WebAssembly with their MIME types, and index.html for app routes', async () => {
    const script = await httpRequest(server.port, { path: '/assets/app.mjs', headers: { Host: host() } });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const wasm = await httpRequest(server.port, { path: '/assets/module.wasm', headers: { Host: host() } });
    expect(wasm.headers['content-type']).toBe('application/wasm');
    const route = await httpRequest(server.port, { path: '/some/app/route', headers: { Host: host() } });
    expect(route.body).toContain('Kleinraum test page');
    const missingAsset = await httpRequest(server.port, { path: '/assets/missing.js', headers: { Host: host() } });
    expect(missingAsset.status).toBe(404);
  });

  it.each(['/../secret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%5c..%5csecret.txt', '/a%00b'])(
    'refuses directory traversal: %s',
    async (requestPath) => {
      const response = await httpRequest(server.port, { path: requestPath, headers: { Host: host() } });
      expect(response.status).toBe(403);
      expect(response.body).not.toContain('outside the static folder');
    },
  );

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const response = await httpRequest(server.port, { path: '/', headers: { Host: `evil.example:${server.port}` } });
    expect(response.status).toBe(403);
    const api = await httpRequest(server.port, {
      method: 'POST',
      path: '/api/host.info',
      headers: { Host: 'evil.example', [HTTP_TOKEN_HEADER]: TOKEN },
      body: '{}',
    });
    expect(api.status).toBe(403);
  });

  it('accepts localhost as Host', async () => {
    const response = await httpRequest(server.port, { path: '/', headers: { Host: `localhost:${server.port}` } });
    expect(response.status).toBe(200);
  });

  it('answers POST /api/host.info through dispatch', async () => {
    const response = await callApi('host.info', {});
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(response.body)).toEqual({
      ok: true,
      value: { mode: 'browser', version: '0.0.0-test', nativeDialogs: false, platform: 'test', homeDir: '/home/test' },
    });
  });

  it('refuses an API call with a wrong or missing token', async () => {
    const wrong = await callApi('host.info', {}, 'not-the-token');
    expect(wrong.status).toBe(403);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const missing = await httpRequest(server.port, { method: 'POST', path: '/api/host.info', headers: { Host: host() }, body: '{}' });
    expect(missing.status).toBe(403);
  });

  it('refuses a cross-origin API call even with the token', async () => {
    const response = await httpRequest(server.port, {
      method: 'POST',
      path: '/api/host.info',
      headers: { Host: host(), Origin: 'http://evil.example', [HTTP_TOKEN_HEADER]: TOKEN },
      body: '{}',
    });
    expect(response.status).toBe(403);
  });

  it('round-trips a user error in both languages', async () => {
    const response = await callApi('project.open', { path: '/nowhere/p.gpkg' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      error: { code: 'not-found', message: { de: 'Datei nicht gefunden: /nowhere/p.gpkg', en: 'File not found: /nowhere/p.gpkg' } },
    });
  });

  it('reports contract violations and internal errors without leaking details', async () => {
    const invalid = JSON.parse((await callApi('project.open', { path: 42 })).body);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const unknown = JSON.parse((await callApi('project.deleteEverything', {})).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const internal = (await callApi('dialog.openFile', { title: 'x', extensions: [] })).body;
    expect(JSON.parse(internal)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(internal).not.toContain('boom');
  });

  it('rejects invalid JSON and bodies over the size limit', async () => {
    const badJson = await httpRequest(server.port, {
      method: 'POST',
      path: '/api/host.info',
      headers: { Host: host(), [HTTP_TOKEN_HEADER]: TOKEN },
      body: '{not json',
    });
    expect(badJson.status).toBe(400);
    const huge = await callApi('project.open', { path: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
  });

  it('refuses GET on API methods', async () => {
    const response = await httpRequest(server.port, { path: '/api/host.info', headers: { Host: host(), [HTTP_TOKEN_HEADER]: TOKEN } });
    expect(response.status).toBe(405);
  });

  it('refuses the event stream without the token', async () => {
    const response = await httpRequest(server.port, { path: '/api/events?token=wrong', headers: { Host: host() } });
    expect(response.status).toBe(403);
  });

  it('delivers an emitted event over SSE', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no event within 5 s')), 5000);
      const request = http.get({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${TOKEN}`, headers: { Host: host() } }, (response) => {
        expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        let text = '';
        let sent = false;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
          if (!sent && text.includes(': connected')) {
            sent = true;
            emitted?.('progress', { taskId: 't1', label: { de: 'Import', en: 'Import' }, done: 1, total: 2, finished: false });
          }
          const eventStart = text.indexOf('event: progress');
          if (eventStart >= 0 && text.includes('\n\n', eventStart)) {
            clearTimeout(timer);
            request.destroy();
            resolve(text);
          }
        });
      });
      request.on('error', (error) => {
        if (!String(error).includes('socket hang up')) reject(error);
      });
    });
    expect(received).toContain('event: progress\ndata: {"taskId":"t1","label":{"de":"Import","en":"Import"},"done":1,"total":2,"finished":false}\n\n');
  });

  it('rate-limits wrong tokens: after ten failures in a minute no token is compared; an open session keeps working', async () => {
    const other = await startServer({ api: createStubApi(), staticDir, token: TOKEN, onInternalError: () => {} });
    try {
      const launched = await httpRequest(other.port, { path: other.url.slice(other.origin.length), headers: { Host: `127.0.0.1:${other.port}` } });
      const sessionCookie = String(launched.headers['set-cookie']).split(';')[0]!;
      const call = (token: string) =>
        httpRequest(other.port, { method: 'POST', path: '/api/host.info', headers: { Host: `127.0.0.1:${other.port}`, [HTTP_TOKEN_HEADER]: token }, body: '{}' });
      for (let attempt = 0; attempt < 10; attempt += 1) expect((await call(`wrong-${attempt}`)).status).toBe(403);
      expect((await call('wrong-again')).status).toBe(429);
      expect((await call(TOKEN)).status).toBe(429);
      const session = await httpRequest(other.port, { method: 'POST', path: '/api/host.info', headers: { Host: `127.0.0.1:${other.port}`, Cookie: sessionCookie }, body: '{}' });
      expect(session.status).toBe(200);
      const page = await httpRequest(other.port, { path: `/?token=${TOKEN}`, headers: { Host: `127.0.0.1:${other.port}` } });
      expect(page.status).toBe(429);
    } finally {
      await other.close();
    }
  });

  it('listens before its API is made: an early request waits for it, and a failed API says so instead of hanging', async () => {
    let finishApi: (() => void) | null = null;
    const slow = await startServer({
      api: () => new Promise((resolve) => (finishApi = () => resolve(createStubApi()))),
      staticDir,
      token: TOKEN,
      onInternalError: () => {},
    });
    try {
      const early = httpRequest(slow.port, { method: 'POST', path: '/api/host.info', headers: { Host: `127.0.0.1:${slow.port}`, [HTTP_TOKEN_HEADER]: TOKEN }, body: '{}' });
      let answered = false;
      void early.then(() => (answered = true));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(answered).toBe(false);
      expect(finishApi).not.toBeNull();
      finishApi!();
      await slow.ready;
      expect(JSON.parse((await early).body)).toMatchObject({ ok: true });
    } finally {
      await slow.close();
    }
    const internalErrors: unknown[] = [];
    const broken = await startServer({ api: () => Promise.reject(new Error('no backend')), staticDir, token: TOKEN, onInternalError: (error) => internalErrors.push(error) });
    try {
      await expect(broken.ready).rejects.toThrow('no backend');
      const answer = await httpRequest(broken.port, { method: 'POST', path: '/api/host.info', headers: { Host: `127.0.0.1:${broken.port}`, [HTTP_TOKEN_HEADER]: TOKEN }, body: '{}' });
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(internalErrors).toHaveLength(1);
    } finally {
      await broken.close();
    }
  });

  it('refuses tokens shorter than 32 characters and non-loopback hosts without allowNetwork', async () => {
    await expect(startServer({ api: createStubApi(), staticDir, token: 'short-token-1234567890', onInternalError: () => {} })).rejects.toThrow(/32 characters/);
    await expect(startServer({ api: createStubApi(), staticDir, host: '0.0.0.0', onInternalError: () => {} })).rejects.toThrow(/allowNetwork/);
  });

  it('closes gracefully while an event stream is open, and serves a help page when the renderer is missing', async () => {
    const other = await startServer({ api: createStubApi(), staticDir: path.join(workDir, 'not-built'), onInternalError: () => {} });
    const page = await httpRequest(other.port, { path: '/', headers: { Host: `127.0.0.1:${other.port}` } });
    expect(page.status).toBe(503);
    expect(page.body).toContain('npm run build:renderer');
    const streamOpened = new Promise<http.ClientRequest>((resolve) => {
      const request = http.get({ host: '127.0.0.1', port: other.port, path: `/api/events?token=${other.token}` }, () => resolve(request));
      request.on('error', () => {});
    });
    await streamOpened;
    await other.close();
    await expect(httpRequest(other.port, { path: '/', headers: { Host: `127.0.0.1:${other.port}` } })).rejects.toThrow();
  });
});
