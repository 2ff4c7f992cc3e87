/**
 * The list of recently opened or saved projects (newest first, at most 10), kept as JSON in the data dir.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from '../files/writeFileAtomically';

export const MAX_RECENT_PROJECTS = 10;
const RECENT_FILE_NAME = 'recent-projects.json';

export interface RecentProject {
  path: string;
  title: string;
  /** ISO timestamp. */
  openedAt: string;
}

function recentFilePath(dataDir: string): string {
  return path.join(dataDir, RECENT_FILE_NAME);
}

function readRecentEntries(dataDir: string): RecentProject[] {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(recentFilePath(dataDir), 'utf8'));
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (item): item is RecentProject =>
        typeof item === 'object' && item !== null && typeof item.path === 'string' && typeof item.title === 'string' && typeof item.openedAt === 'string',
    );
  } catch {
    // No list yet, or an unreadable one: start a new list rather than block opening projects.
    return [];
  }
}

/**
 * The recent projects whose files are still there, newest first. Files that are gone (moved, deleted, a
 * removed stick) are dropped from the list for good, so the menu offers only what can be opened.
 */
export function listRecentProjects(dataDir: string): (RecentProject & { exists: boolean })[] {
  const entries = readRecentEntries(dataDir);
  const present = entries.filter((item) => fs.existsSync(item.path));
  if (present.length !== entries.length) writeRecentEntries(dataDir, present);
  return present.map((item) => ({ ...item, exists: true }));
}

/** Best effort: a list that cannot be written (a read-only data folder) must not fail the open or save it follows. */
function writeRecentEntries(dataDir: string, entries: RecentProject[]): void {
  try {
    writeFileAtomically(recentFilePath(dataDir), JSON.stringify(entries, null, 2), { durable: false });
  } catch {
    // A read-only data folder: the list is still filtered for this answer.
  }
}

/** Puts `project` at the top of the list (removing an older entry for the same path) and keeps at most 10. */
export function rememberRecentProject(dataDir: string, project: RecentProject): void {
  const entries = [project, ...readRecentEntries(dataDir).filter((item) => path.resolve(item.path) !== path.resolve(project.path))].slice(0, MAX_RECENT_PROJECTS);
  writeRecentEntries(dataDir, entries);
}

