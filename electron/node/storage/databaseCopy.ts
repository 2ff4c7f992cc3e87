/**
 * Whole-file operations on a project database that the session and the atomic save need: a consistent
 * copy (VACUUM INTO), the facts that decide whether a plain file copy is as good, and the demo mark.
 * Kept here so that SQL stays in storage/ (lint enforces it).
 */
import type { SqliteDatabase } from './openDatabase';

const DEMO_META_KEY = 'demo';

/** Writes a consistent, compacted copy of `db` to `targetPath` (which must not exist yet). */
export function vacuumInto(db: SqliteDatabase, targetPath: string): void {
  db.prepare('VACUUM INTO ?').run(targetPath);
}

export interface DatabaseFileFacts {
  journalMode: string;
  pageCount: number;
  freePages: number;
}

/** What decides whether copying the file as it is gives a consistent, compact snapshot. */
export function databaseFileFacts(db: SqliteDatabase): DatabaseFileFacts {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })).toLowerCase(),
    pageCount: Number(db.pragma('page_count', { simple: true })),
    freePages: Number(db.pragma('freelist_count', { simple: true })),
  };
}

/** Marks the project as the built-in demo (its data are partly synthetic; the UI says so). */
export function markAsDemo(db: SqliteDatabase): void {
  db.prepare("INSERT INTO kleinraum_meta (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = '1'").run(DEMO_META_KEY);
}

export function isDemoProject(db: SqliteDatabase): boolean {
  return db.prepare('SELECT value FROM kleinraum_meta WHERE key = ?').pluck().get(DEMO_META_KEY) === '1';
}
