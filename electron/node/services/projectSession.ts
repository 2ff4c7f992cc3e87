/**
 * The open project. Edits go to a working copy in the data dir, never to the user's file; `save` copies the
 * working copy over the file atomically (atomicSave.ts). So a crash loses at most the unsaved edits, and
 * the saved file is always the complete last saved state.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/contract/errors';
import { safeFileName } from '../../../shared/export/fileNamePattern';
import type { ProjectContent } from '../../../shared/model/project';
import { isDemoProject, markAsDemo, vacuumInto } from '../storage/databaseCopy';
import { setGeoPackageHeader } from '../storage/geopackageCore';
import { applyMigrations, readSchemaVersion } from '../storage/migrations';
import { openDatabase, type SqliteDatabase } from '../storage/openDatabase';
import { inspectProjectFile, plainGeoPackageError } from '../storage/projectFile';
import { checkProjectStructure } from '../storage/projectIntegrity';
import { readProjectTitle } from '../storage/projectReader';
import { removeSetting, writeProjectContent, writeProjectTitle, writeSetting } from '../storage/projectWriter';
import { settingDefinition } from '../../../shared/settings/projectSettings';
import { isProcessAlive, removeAbandonedSaveFiles, saveDatabaseAtomically } from './atomicSave';


const WORKING_COPY_NAME = /^working-(\d+)-[0-9a-f-]+\.gpkg(-journal|-wal|-shm)?$/;

function newWorkingCopyPath(workDir: string): string {
  fs.mkdirSync(workDir, { recursive: true });
  // The pid in the name lets a later start recognise copies left behind by a process that was killed.
  return path.join(workDir, `working-${process.pid}-${randomUUID()}.gpkg`);
}

/**
 * Deletes working copies in `workDir` whose process no longer runs (left behind by a crash or kill).
 * Copies of running processes (another window, the CLI) are kept. Returns the number of files deleted.
 */
export function removeAbandonedWorkingCopies(workDir: string): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(workDir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const match = WORKING_COPY_NAME.exec(name);
    if (!match || isProcessAlive(Number(match[1]))) continue;
    fs.rmSync(path.join(workDir, name), { force: true });
    removed += 1;
  }
  return removed;
}

function removeWorkingFiles(workingCopyPath: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(workingCopyPath + suffix, { force: true });
}

function writeContent(db: SqliteDatabase, content: ProjectContent, isDemo: boolean): void {
  applyMigrations(db);
  writeProjectContent(db, content);
  if (isDemo) markAsDemo(db);
}

/** Content already written in this process, by working folder: a closed, complete file to copy. */
const contentTemplates = new WeakMap<ProjectContent, Map<string, string>>();
/** Every template this process wrote, removed when it ends. */
const writtenTemplates = new Set<string>();

/**
 * The closed template of `content` in `workDir`, written on first use. It is named like a working copy of
 * this process, so it goes when the process ends, and a start after a crash removes it as abandoned.
 */
function contentTemplate(workDir: string, content: ProjectContent, isDemo: boolean): string {
  const templates = contentTemplates.get(content) ?? new Map<string, string>();
  contentTemplates.set(content, templates);
  const known = templates.get(workDir);
  if (known !== undefined && fs.existsSync(known)) return known;
  const templatePath = newWorkingCopyPath(workDir);
  const db = openDatabase(templatePath);
  try {
    writeContent(db, content, isDemo);
    db.close();
  } catch (error) {
    db.close();
    removeWorkingFiles(templatePath);
    throw error;
  }
  templates.set(workDir, templatePath);
  if (writtenTemplates.size === 0) process.once('exit', () => writtenTemplates.forEach(removeWorkingFiles));
  writtenTemplates.add(templatePath);
  return templatePath;
}

/**
 * True when the SQLite file at `filePath` was closed cleanly and is complete: no journal or WAL beside it
 * (so nothing committed lives outside the file), and its size is exactly the page count its header states
 * (a valid count: the change counter equals "version valid for") times the page size. Such a file can be
 * copied byte for byte; every file Kleinraum saves is one.
 */
function isCompleteClosedDatabase(filePath: string): boolean {
  if (['-wal', '-journal'].some((suffix) => fs.existsSync(filePath + suffix))) return false;
  const header = Buffer.alloc(100);
  const fd = fs.openSync(filePath, 'r');
  try {
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return false;
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
    const pageCount = header.readUInt32BE(28);
    const countIsValid = header.readUInt32BE(24) === header.readUInt32BE(92);
    return countIsValid && pageCount > 0 && fs.fstatSync(fd).size === pageSize * pageCount;
  } finally {
    fs.closeSync(fd);
  }
}

function damagedFileError(filePath: string, cause: unknown): UserError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new UserError('bad-input', {
    de: `„${path.basename(filePath)}“ ist beschädigt oder unvollständig und lässt sich nicht öffnen (${detail}). Bitte eine Sicherungskopie öffnen.`,
    en: `"${path.basename(filePath)}" is damaged or incomplete and cannot be opened (${detail}). Please open a backup copy.`,
  });
}

/** Checkpoints kept per session (each a full copy of the working copy); older ones are deleted. */
const CHECKPOINT_LIMIT = 5;

/** The title of a project made with "Neu" until its first save names it after its file. */
export const NEW_PROJECT_TITLE = 'Neues Projekt';

export class ProjectSession {
  /** Absolute path of the saved file, or null when never saved. */
  private savedPath: string | null;
  private unsavedChanges: boolean;
  private database: SqliteDatabase;
  private workingCopyPath: string;
  /** Checkpoint id → its file (a working-copy name, so copies left by a killed process are cleaned up too). */
  private readonly checkpoints = new Map<string, string>();
  /** Identifies this opened project for the app (see ProjectSummary.sessionId). */
  readonly id = randomUUID();

  private constructor(db: SqliteDatabase, workingCopyPath: string, savedPath: string | null, unsavedChanges: boolean) {
    this.database = db;
    this.workingCopyPath = workingCopyPath;
    this.savedPath = savedPath;
    this.unsavedChanges = unsavedChanges;
  }

  /** The working copy's database; another object after a checkpoint was restored, so never keep it. */
  get db(): SqliteDatabase {
    return this.database;
  }

  /** A new, empty project (no layers) in a fresh working copy under `workDir`. */
  static createNew(workDir: string, title = NEW_PROJECT_TITLE): ProjectSession {
    return ProjectSession.fromContent(workDir, { title, layers: [], sources: [], dimensions: [], variables: [], indicators: [], observations: [], settings: {} }, false);
  }

  /**
   * A project holding `content`, not yet saved anywhere (e.g. the demo). With `template`, the caller
   * promises that `content` is one object that never changes (the generated demo): it is written once per
   * process and working folder into a closed template, which later calls copy. "Demo laden", and every
   * test that starts from the demo, took about 0,35 s of inserts each time; a copy takes milliseconds.
   */
  static fromContent(workDir: string, content: ProjectContent, isDemo: boolean, { template = false }: { template?: boolean } = {}): ProjectSession {
    const workingCopyPath = newWorkingCopyPath(workDir);
    if (template) {
      const templatePath = contentTemplate(workDir, content, isDemo);
      try {
        fs.copyFileSync(templatePath, workingCopyPath);
        return new ProjectSession(openDatabase(workingCopyPath, { fileMustExist: true }), workingCopyPath, null, false);
      } catch {
        // The template went missing after it was checked (a folder cleaned meanwhile): written again on the
        // next call, directly now; anything else that failed the copy (a full disk) fails the write below too,
        // with its own message.
        removeWorkingFiles(workingCopyPath);
        contentTemplates.get(content)?.delete(workDir);
      }
    }
    const db = openDatabase(workingCopyPath);
    try {
      writeContent(db, content, isDemo);
    } catch (error) {
      db.close();
      removeWorkingFiles(workingCopyPath);
      throw error;
    }
    return new ProjectSession(db, workingCopyPath, null, false);
  }

  /**
   * Opens the project file at `filePath`: checks it, copies it into a working copy and migrates the copy to
   * the current schema (the file itself is untouched until the next save).
   */
  static open(workDir: string, filePath: string): ProjectSession {
    const absolutePath = path.resolve(filePath);
    if (inspectProjectFile(absolutePath) === 'plain-geopackage') throw plainGeoPackageError(absolutePath);
    // A save killed midway left its temporary copy beside the file: it is not the saved state, remove it now.
    removeAbandonedSaveFiles(absolutePath);
    const workingCopyPath = newWorkingCopyPath(workDir);
    try {
      if (isCompleteClosedDatabase(absolutePath)) {
        // A complete, cleanly closed file (as every save leaves it) is copied as it is: 3 ms instead of
        // 100 ms of VACUUM INTO for the demo, which every CLI command pays.
        fs.copyFileSync(absolutePath, workingCopyPath);
        // The copy takes the source's mode; a read-only project file must still give a writable copy.
        fs.chmodSync(workingCopyPath, 0o644);
      } else {
        const source = openDatabase(absolutePath, { readonly: true });
        try {
          // VACUUM INTO takes a consistent snapshot even when another program holds the file in WAL mode,
          // and it reads every page, so a cut-off file fails here rather than later in the middle of work.
          vacuumInto(source, workingCopyPath);
        } finally {
          source.close();
        }
      }
    } catch (error) {
      removeWorkingFiles(workingCopyPath);
      throw damagedFileError(absolutePath, error);
    }
    const db = openDatabase(workingCopyPath, { fileMustExist: true });
    try {
      applyMigrations(db);
      checkProjectStructure(db, absolutePath);
      setGeoPackageHeader(db);
    } catch (error) {
      db.close();
      removeWorkingFiles(workingCopyPath);
      throw error;
    }
    return new ProjectSession(db, workingCopyPath, absolutePath, false);
  }

  get path(): string | null {
    return this.savedPath;
  }

  get dirty(): boolean {
    return this.unsavedChanges;
  }

  get isDemo(): boolean {
    return isDemoProject(this.db);
  }

  get title(): string {
    return readProjectTitle(this.db);
  }

  get schemaVersion(): number {
    return readSchemaVersion(this.db);
  }

  /** Sets a project setting in the working copy (unsaved until `save`); null removes it (its default applies). */
  setSetting(key: string, value: unknown): void {
    if (value === null && settingDefinition(key)?.definition.schema.safeParse(null).success !== true) removeSetting(this.db, key);
    else writeSetting(this.db, key, value);
    this.unsavedChanges = true;
  }

  /** Runs an edit of the working copy in one transaction and marks the project as changed. */
  edit(change: (db: SqliteDatabase) => void): void {
    this.db.transaction(() => change(this.db))();
    this.unsavedChanges = true;
  }

  /**
   * Runs an edit in a transaction and rolls it back: what the edit would do, computed on the real data,
   * with the project left exactly as it was (the preview of a replace).
   */
  tryOut<T>(change: (db: SqliteDatabase) => T): T {
    const rollBack = Symbol('roll back');
    let result: T | undefined;
    try {
      this.db.transaction(() => {
        result = change(this.db);
        throw rollBack;
      })();
    } catch (error) {
      if (error !== rollBack) throw error;
    }
    return result as T;
  }

  /**
   * Keeps a copy of the project as it is now, for undoing a large change (an import) that the app's own
   * undo cannot reverse edit by edit. Only the newest CHECKPOINT_LIMIT are kept.
   * @example const before = session.checkpoint(); session.edit(importRows); … session.restoreCheckpoint(before);
   */
  checkpoint(): string {
    const id = this.keepCopy();
    this.pruneCheckpoints();
    return id;
  }

  /**
   * Runs `edit` with a checkpoint of the project before it, for undoing it as a whole. An edit that fails
   * leaves no checkpoint behind, and pushes no older one out of the CHECKPOINT_LIMIT: a refused import must
   * not cost the planner the undo of an earlier one.
   */
  editWithCheckpoint(edit: (db: SqliteDatabase) => void): string {
    const id = this.keepCopy();
    try {
      this.edit(edit);
    } catch (error) {
      removeWorkingFiles(this.checkpoints.get(id)!);
      this.checkpoints.delete(id);
      throw error;
    }
    this.pruneCheckpoints();
    return id;
  }

  private keepCopy(): string {
    const file = newWorkingCopyPath(path.dirname(this.workingCopyPath));
    vacuumInto(this.database, file);
    const id = path.basename(file, '.gpkg');
    this.checkpoints.set(id, file);
    return id;
  }

  private pruneCheckpoints(): void {
    for (const [oldId, oldFile] of this.checkpoints) {
      if (this.checkpoints.size <= CHECKPOINT_LIMIT) break;
      removeWorkingFiles(oldFile);
      this.checkpoints.delete(oldId);
    }
  }

  /**
   * Makes the project what it was at checkpoint `id` (the checkpoint is used up) and returns a checkpoint
   * of the state it replaced, so the step can be redone. Unsaved until the next save, like every edit.
   */
  restoreCheckpoint(id: string): string {
    const file = this.checkpoints.get(id);
    if (file === undefined || !fs.existsSync(file)) {
      throw new UserError('conflict', {
        de: `Dieser Stand des Projekts ist nicht mehr verfügbar: nur die letzten ${CHECKPOINT_LIMIT} Importe lassen sich rückgängig machen, und nur bis das Projekt geschlossen wird.`,
        en: `This state of the project is no longer available: only the last ${CHECKPOINT_LIMIT} imports can be undone, and only until the project is closed.`,
      });
    }
    // Used up before the state it replaces is kept: keeping that one prunes the oldest checkpoint, and with
    // the limit reached that was this very one (undoing the fifth-last import failed: its file was gone).
    this.checkpoints.delete(id);
    const replaced = this.checkpoint();
    const restored = openDatabase(file, { fileMustExist: true });
    this.database.close();
    removeWorkingFiles(this.workingCopyPath);
    this.database = restored;
    this.workingCopyPath = file;
    this.unsavedChanges = true;
    return replaced;
  }

  /** Saves to the file it was opened from or last saved to. */
  save(): void {
    if (this.savedPath === null) {
      throw new UserError('conflict', {
        de: 'Das Projekt wurde noch nicht gespeichert. Bitte „Speichern unter …“ wählen und einen Dateinamen angeben.',
        en: 'The project has not been saved yet. Please choose "Save as …" and give a file name.',
      });
    }
    this.saveAs(this.savedPath);
  }

  /** Saves to `filePath` (".gpkg" is appended when missing) and makes it the project's file. */
  saveAs(filePath: string): void {
    // A name with bidirectional controls would be shown as another name than it has (e.g. "…‮gkpg.exe").
    let absolutePath = path.join(path.dirname(path.resolve(filePath)), safeFileName(path.basename(filePath)));
    if (path.extname(absolutePath).toLowerCase() !== '.gpkg') absolutePath += '.gpkg';
    if (fs.existsSync(absolutePath) && fs.statSync(absolutePath).isDirectory()) {
      throw new UserError('bad-input', {
        de: `„${absolutePath}“ ist ein Ordner. Bitte einen Dateinamen angeben.`,
        en: `"${absolutePath}" is a folder. Please give a file name.`,
      });
    }
    // A new project saved for the first time takes the name the user gave its file, so the header and
    // the recent list do not show "Neues Projekt" for every project; a save that fails leaves it untitled.
    const namedAfterFile = this.savedPath === null && this.title === NEW_PROJECT_TITLE;
    if (namedAfterFile) writeProjectTitle(this.db, path.basename(absolutePath, path.extname(absolutePath)));
    try {
      saveDatabaseAtomically(this.db, absolutePath);
    } catch (error) {
      if (namedAfterFile) writeProjectTitle(this.db, NEW_PROJECT_TITLE);
      throw error;
    }
    this.savedPath = absolutePath;
    this.unsavedChanges = false;
  }

  /** Closes the working copy and deletes it. The saved file is not touched. */
  close(): void {
    if (this.database.open) this.database.close();
    removeWorkingFiles(this.workingCopyPath);
    for (const file of this.checkpoints.values()) removeWorkingFiles(file);
    this.checkpoints.clear();
  }
}
