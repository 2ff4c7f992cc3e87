/**
 * Browser mode's file confinement: with the token a page could otherwise list, read (as a table preview)
 * and write (save as, export with missing folders created) every file of the user. The server therefore
 * wraps the API so that every contract method taking a path only reaches the folders the planner works in:
 * the home folder, the open project's folder, and folders chosen at start (`kleinraum serve --allow-dir`).
 * Links are resolved first, so a link inside home cannot point outside. The desktop app and the CLI are not
 * wrapped: there the user picks paths with native dialogs or types them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KleinraumApi, MethodName } from '../../../shared/contract/api';
import { UserError } from '../../../shared/contract/errors';

type Purpose = 'list' | 'read' | 'write';

/** Which inputs of which methods are paths, and what is done with them. */
const PATH_INPUTS: Partial<Record<MethodName, (input: Record<string, unknown>) => { path: unknown; purpose: Purpose }[]>> = {
  'files.list': (input) => (typeof input.dir === 'string' ? [{ path: input.dir, purpose: 'list' }] : []),
  'project.open': (input) => [{ path: input.path, purpose: 'read' }],
  'project.saveAs': (input) => [{ path: input.path, purpose: 'write' }],
  'import.inspect': (input) => [{ path: input.path, purpose: 'read' }],
  'import.previewBoundaries': (input) => [{ path: input.path, purpose: 'read' }],
  'import.previewTable': (input) => [{ path: input.path, purpose: 'read' }],
  'planning.importFacilities': (input) => [{ path: input.path, purpose: 'read' }],
  'flows.import': (input) => [{ path: input.path, purpose: 'read' }],
  'sources.exportComparison': (input) => (typeof input.path === 'string' ? [{ path: input.path, purpose: 'write' }] : []),
  'export.map': (input) => (typeof input.path === 'string' ? [{ path: input.path, purpose: 'write' }] : []),
  'export.batch': (input) => (typeof input.outDir === 'string' ? [{ path: input.outDir, purpose: 'write' }] : []),
};

/** The real path of `target`, or of its nearest existing ancestor joined with the rest (for files to be created). */
function realPathOf(target: string): string {
  let existing = path.resolve(target);
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(existing), ...rest.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return path.join(existing, ...rest.reverse());
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}

function inside(candidate: string, root: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function allowedPath(target: string, roots: readonly string[]): boolean {
  const real = realPathOf(target);
  return roots.map(realPathOf).some((root) => inside(real, root));
}

/**
 * Checks one path against the roots; returns normally or throws a UserError that names the allowed folders.
 * @example assertInsideRoots('/home/planer/Daten/zensus.csv', ['/home/planer'], 'read')
 */
export function assertInsideRoots(target: string, roots: readonly string[], purpose: Purpose): void {
  if (allowedPath(target, roots)) return;
  // Each folder once: the project's folder is often also a folder given with --allow-dir.
  const realRoots = [...new Set(roots.map(realPathOf))];
  throw new UserError('bad-input', {
    de: `Im Browser-Modus kann Kleinraum nur in diesen Ordnern ${purpose === 'write' ? 'speichern' : 'lesen'}: ${realRoots.join(', ')}. Bitte die Datei dorthin kopieren oder Kleinraum mit „--allow-dir ORDNER“ starten.`,
    en: `In browser mode Kleinraum can only ${purpose === 'write' ? 'save' : 'read'} in these folders: ${realRoots.join(', ')}. Please copy the file there or start Kleinraum with "--allow-dir FOLDER".`,
  });
}

/**
 * Wraps an API so that every path input must lie in one of `roots()` (evaluated per call, so the open
 * project's folder follows the project). `files.list` without a folder starts in the first root.
 * @example const confined = confineFileAccess(api, () => [os.homedir(), projectFolder]);
 */
export function confineFileAccess(api: KleinraumApi, roots: () => string[]): KleinraumApi {
  const confined = { ...api } as Record<string, (input: unknown) => Promise<unknown>>;
  for (const [method, pathsOf] of Object.entries(PATH_INPUTS)) {
    const original = (api as unknown as Record<string, (input: unknown) => Promise<unknown>>)[method];
    if (!original || !pathsOf) continue;
    confined[method] = async (input: unknown) => {
      const record = (input ?? {}) as Record<string, unknown>;
      const allowed = roots();
      for (const entry of pathsOf(record)) {
        if (typeof entry.path === 'string') assertInsideRoots(entry.path, allowed, entry.purpose);
      }
      if (method !== 'files.list') return original(input);
      let listing = (await original(input)) as { dir: string; parent: string | null };
      // Without a folder the last one is listed; it may lie outside when the roots changed since.
      if (!allowedPath(listing.dir, allowed)) listing = (await original({ ...record, dir: allowed[0] ?? os.homedir() })) as typeof listing;
      // The allowed folders as shortcuts: one may lie beside home (--allow-dir), out of reach by going up.
      const places = [...new Set(allowed.map(realPathOf))];
      return { ...listing, parent: listing.parent !== null && allowedPath(listing.parent, allowed) ? listing.parent : null, places };
    };
  }
  return confined as unknown as KleinraumApi;
}
