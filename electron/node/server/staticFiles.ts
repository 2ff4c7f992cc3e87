/**
 * Serves the built renderer (build/renderer) read-only. A request path is mapped to a file strictly inside
 * the static folder: `..` segments, encoded slashes, backslashes and NUL bytes are refused before touching
 * the file system, and symbolic links that lead outside the folder are refused after resolving them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { mimeTypeFor } from './mimeTypes';

export type StaticLookup =
  | { kind: 'file'; filePath: string; contentType: string; sizeBytes: number }
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  | { kind: 'renderer-missing' };

/**
 * Splits a URL path into decoded segments, or returns null when a segment would escape the folder.
 * @example safeSegments('/assets/a%20b.js') // ['assets', 'a b.js']
 * @example safeSegments('/..%2f..%2fetc/passwd') // null
 */
export function safeSegments(urlPath: string): string[] | null {
  const segments: string[] = [];
  for (const rawSegment of urlPath.split('/')) {
    if (rawSegment === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

async function regularFileInside(rootRealPath: string, candidate: string): Promise<{ realPath: string; sizeBytes: number } | null> {
  try {
    const realPath = await fs.promises.realpath(candidate);
    if (realPath !== rootRealPath && !realPath.startsWith(rootRealPath + path.sep)) return null;
    const stat = await fs.promises.stat(realPath);
    return stat.isFile() ? { realPath, sizeBytes: stat.size } : null;
  } catch {
    return null;
  }
}

/**
 * Finds the file to answer `urlPath` with. Paths without a file extension that match no file get
 * index.html (the renderer is a single page); missing files with an extension are 404.
 */
export async function lookupStaticFile(staticDir: string, urlPath: string): Promise<StaticLookup> {
  let rootRealPath: string;
  try {
    rootRealPath = await fs.promises.realpath(staticDir);
  } catch {
    return { kind: 'renderer-missing' };
  }
  const indexFile = await regularFileInside(rootRealPath, path.join(rootRealPath, 'index.html'));
  if (!indexFile) return { kind: 'renderer-missing' };

  const segments = safeSegments(urlPath);
  if (segments === null) return { kind: 'forbidden' };
  if (segments.length > 0) {
    const directHit = await regularFileInside(rootRealPath, path.join(rootRealPath, ...segments));
    if (directHit) return { kind: 'file', filePath: directHit.realPath, contentType: mimeTypeFor(directHit.realPath), sizeBytes: directHit.sizeBytes };
    const lastSegment = segments[segments.length - 1] ?? '';
    if (path.extname(lastSegment) !== '') return { kind: 'not-found' };
  }
  return { kind: 'file', filePath: indexFile.realPath, contentType: mimeTypeFor(indexFile.realPath), sizeBytes: indexFile.sizeBytes };
}

/** A small bilingual page shown when the renderer has not been built yet, so the browser never shows a bare error. */
export const RENDERER_MISSING_PAGE = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Kleinraum</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>Kleinraum</h1>
<p>Die Benutzeroberfläche ist noch nicht gebaut. Bitte <code>npm run build:renderer</code> ausführen
(oder <code>npm start</code>, das sie automatisch baut) und diese Seite neu laden.</p>
<p lang="en">The user interface has not been built yet. Please run <code>npm run build:renderer</code>
(or <code>npm start</code>, which builds it automatically) and reload this page.</p>
</body></html>
`;
