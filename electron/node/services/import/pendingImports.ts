/**
 * Imports that were previewed but not yet confirmed, kept in memory by id. Nothing of them is in the
 * project until `import.commit`; `import.cancel` drops one, or flags a preview that is still running so it
 * stops at its next step. Only a few are kept: an abandoned wizard must not hold 10 000 polygons forever.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../../../../shared/contract/errors';
import type { Area, LayerInfo, Observation } from '../../../../shared/model/project';
import type { BoundarySourceProposal } from '../../../../shared/fileFormats/boundaries/bkgSource';
import type { ParsedTable } from '../../../../shared/fileFormats/table/parsedTable';
import type { TableMapping } from '../../../../shared/fileFormats/table/tableMapping';
import type { LocalizedText } from '../../../../shared/model/project';

export interface PendingBoundaryImport {
  kind: 'boundaries';
  layerInfo: LayerInfo;
  areas: Area[];
  source: BoundarySourceProposal;
  /** Observations that come with the boundaries (official WFS: population and area). */
  observations: Observation[];
  /** Variables those observations need, created on commit when missing. */
  variables: { id: string; name: LocalizedText; unit: string }[];
}

export interface PendingTableImport {
  kind: 'table';
  fileName: string;
  table: ParsedTable;
  mapping: TableMapping;
  headerSignature: string;
  layer: string;
  /** Row index → area key for rows matched by key. */
  matchedByKey: Map<number, string>;
  /** Row index → parent key for rows that report the total of the layer's parent (e.g. the Kreis row 03241). */
  reportedTotalRows: Map<number, string>;
  /** Row index → "<parent>#nicht-zuordenbar" for rows of values the source could not assign to an area. */
  unassignableRows: Map<number, string>;
  /** Area keys that name matches may use (the layer's). */
  layerKeys: Set<string>;
  proposedVariableNames: Map<string, LocalizedText>;
  source: { name: string; publisher: string; stichtag: string | null; attribution: string };
  /** The file's own source name (title and file name), before it is dated to tell it from a source of that name. */
  fileSourceName: string;
  /** Areas in several rows that no period or breakdown column tells apart, with the column that would; null when none. */
  repeatedKeyHint: { text: LocalizedText } | null;
}

export type PendingImport = PendingBoundaryImport | PendingTableImport;

/**
 * The rows a table import writes, row index → the key its values are kept under: rows matched to an area,
 * then the parent's reported total and its "nicht zuordenbar" row under the parent's keys. The preview and
 * the commit build their observations from this one list, so the preview counts what the commit writes.
 */
export function rowsWrittenUnderKeys(areaRows: ReadonlyMap<number, string>, parentRows: Pick<PendingTableImport, 'reportedTotalRows' | 'unassignableRows'>): Map<number, string> {
  return new Map([...areaRows, ...parentRows.reportedTotalRows, ...parentRows.unassignableRows]);
}

const MAX_PENDING = 8;

export class PendingImports {
  private readonly pending = new Map<string, PendingImport>();
  private readonly running = new Map<string, { cancelled: boolean; listeners: (() => void)[] }>();

  /**
   * Starts a preview task; `check()` throws 'cancelled' once `cancel(id)` was called, and `onCancel`
   * callbacks (e.g. terminating the worker that reads the file) run at that moment.
   */
  start(taskId: string | undefined): { id: string; check: () => void; finish: () => void; onCancel: (callback: () => void) => void } {
    const id = taskId ?? randomUUID();
    const state = { cancelled: false, listeners: [] as (() => void)[] };
    this.running.set(id, state);
    return {
      id,
      onCancel: (callback) => {
        if (state.cancelled) callback();
        else state.listeners.push(callback);
      },
      check: () => {
        if (state.cancelled) {
          throw new UserError('cancelled', { de: 'Der Import wurde abgebrochen. Die Projektdatei ist unverändert.', en: 'The import was cancelled. The project file is unchanged.' });
        }
      },
      finish: () => {
        this.running.delete(id);
      },
    };
  }

  store(id: string, pendingImport: PendingImport): void {
    this.pending.delete(id);
    this.pending.set(id, pendingImport);
    while (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
  }

  take(id: string): PendingImport {
    const found = this.pending.get(id);
    if (!found) {
      throw new UserError('not-found', {
        de: 'Diese Importvorschau gibt es nicht mehr (abgebrochen, schon übernommen oder die App wurde neu gestartet). Bitte die Datei erneut wählen.',
        en: 'This import preview no longer exists (cancelled, already committed, or the app was restarted). Please choose the file again.',
      });
    }
    return found;
  }

  remove(id: string): void {
    this.pending.delete(id);
  }

  cancel(id: string): boolean {
    const running = this.running.get(id);
    if (running && !running.cancelled) {
      running.cancelled = true;
      for (const listener of running.listeners.splice(0)) listener();
    }
    return this.pending.delete(id) || running !== undefined;
  }
}
