/**
 * Reads a request body as JSON with a size limit, so a stray or hostile client cannot make the server
 * buffer unbounded data. API inputs are small (paths, ids, settings): 1 MiB is generous.
 */
import type { IncomingMessage } from 'node:http';

/** Default limit for API request bodies, in bytes. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; reason: 'too-large' | 'invalid-json' };

/**
 * Collects the body of `request` and parses it as JSON. An empty body means `{}` (methods without input).
 * @example await readJsonBody(request, 1024) // { ok: true, value: { path: '/tmp/a.gpkg' } }
 */
export function readJsonBody(request: IncomingMessage, maxBytes: number = DEFAULT_MAX_BODY_BYTES): Promise<JsonBodyResult> {
  return new Promise((resolve) => {
    const declaredLength = Number(request.headers['content-length'] ?? '0');
    if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
      request.resume();
      resolve({ ok: false, reason: 'too-large' });
      return;
    }
    const chunks: Buffer[] = [];
    let receivedBytes = 0;
    let settled = false;
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      receivedBytes += chunk.length;
      if (receivedBytes > maxBytes) {
        settled = true;
        resolve({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (settled) return;
      settled = true;
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') {
        resolve({ ok: true, value: {} });
        return;
      }
      try {
        resolve({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        resolve({ ok: false, reason: 'invalid-json' });
      }
    });
    request.on('error', () => {
      if (settled) return;
      settled = true;
      resolve({ ok: false, reason: 'invalid-json' });
    });
  });
}
