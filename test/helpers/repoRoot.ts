/**
 * The repository root, found from this file's location so tests work from any working directory and in
 * any checkout (CI clones the repository somewhere else).
 *
 * @example path.join(repoRoot, 'electron/node/cli/kleinraum.cjs')
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
