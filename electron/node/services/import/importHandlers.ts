/**
 * Backend implementation of the contract methods in shared/contract/methods/import.ts: inspect, previews
 * (file boundaries, tables, BKG's VG250-EW service), commit and cancel. Previews keep their result in memory
 * (PendingImports); only commit writes, in one transaction of the open project's working copy.
 */
import type { importMethods } from '../../../../shared/contract/methods/import';
import { message } from '../../../../shared/i18n/translate';
import type { LocalizedText } from '../../../../shared/model/project';
import { fetchVg250EwGemeinden } from '../../wfs/vg250ewClient';
import { readProjectSetting } from '../../storage/projectReader';
import type { FeatureHandlers, ServiceContext } from '../serviceContext';
import type { ReadTableOptions } from '../../import/readTable';
import { boundaryPreviewBody } from './boundaryPreview';
import { commitPendingImport } from './commitImport';
import { summarizeProject } from '../projectSummary';
import { inspectImportFile } from './inspectImport';
import { officialBoundariesFrom } from './officialBoundaries';
import { runOffThread, type Cancellation } from './offThread';
import { PendingImports } from './pendingImports';
import { previewTable } from './tablePreview';
import type { SqliteDatabase } from '../../storage/openDatabase';

export function createImportHandlers(context: ServiceContext): FeatureHandlers<typeof importMethods> {
  const pending = new PendingImports();

  /** Runs a preview step by step with progress events; a cancel between steps stops it. */
  async function withTask<T>(taskId: string | undefined, label: LocalizedText, work: (id: string, step: (done: number, total: number) => Promise<void>, cancellation: Cancellation) => Promise<T>): Promise<T> {
    const task = pending.start(taskId);
    const emit = (done: number, total: number | null, finished: boolean) => context.emit('progress', { taskId: task.id, label, done, total, finished });
    emit(0, null, false);
    try {
      return await work(
        task.id,
        async (done, total) => {
          emit(done, total, false);
          // Yield so a cancel request that arrived meanwhile is seen before the next step.
          await new Promise((resolve) => setImmediate(resolve));
          task.check();
        },
        task,
      );
    } finally {
      task.finish();
      emit(1, 1, true);
    }
  }

  return {
    async 'import.inspect'({ path: filePath, sheet }) {
      return inspectImportFile(filePath, sheet);
    },

    async 'import.previewBoundaries'(input) {
      return withTask(input.taskId, message('progress.readingBoundaries'), async (importId, step, cancellation) => {
        await step(0, 2);
        // Read and validated in the import worker: the server keeps answering, and a cancel ends it at once.
        const { imported, source, hasCpg } = await runOffThread('readBoundaryFile', [input.path, {
          layer: input.layer,
          crs: input.crs,
          encoding: input.encoding,
          keyField: input.keyField,
          nameField: input.nameField,
          filterKeyPrefix: input.filterKeyPrefix,
          mergeDuplicateKeys: input.mergeDuplicateKeys ?? true,
          dissolveByField: input.dissolveByField,
          dropUnnamed: input.dropUnnamed,
        }], cancellation);
        await step(1, 2);
        const body = boundaryPreviewBody(context.current().db, imported, source, hasCpg, input.mapPreview ?? true);
        pending.store(importId, { kind: 'boundaries', layerInfo: { ...imported.layerInfo, name: body.layerName }, areas: imported.areas, source, observations: [], variables: [] });
        return { importId, ...body };
      });
    },

    async 'import.previewTable'(input) {
      return withTask(input.taskId, message('progress.readingTable'), async (importId, step, cancellation) => {
        await step(0, 2);
        const readTable = (filePath: string, options: ReadTableOptions) => runOffThread('readTableFile', [filePath, options], cancellation);
        const { result, pending: pendingTable } = await previewTable(context.current().db, input, () => undefined, readTable);
        await step(1, 2);
        pending.store(importId, pendingTable);
        return { importId, ...result };
      });
    },

    async 'import.fetchOfficialBoundaries'(input) {
      return withTask(input.taskId, message('progress.loadingOfficialBoundaries'), async (importId, step) => {
        await step(0, 2);
        const serviceUrl = input.serviceUrl ?? readProjectSetting(context.current().db, 'wfs.vg250ew.url');
        const response = await fetchVg250EwGemeinden({ dataDir: context.dataDir, serviceUrl, kreis: input.kreis, refresh: input.refresh });
        await step(1, 2);
        const official = officialBoundariesFrom(response, input.kreis);
        const body = boundaryPreviewBody(context.current().db, official.imported, official.source, false);
        pending.store(importId, { ...official.pending, layerInfo: { ...official.pending.layerInfo, name: body.layerName } });
        return {
          importId,
          ...body,
          serviceUrl,
          fromCache: response.fromCache,
          fetchedAt: response.fetchedAt,
          population: { stichtag: official.stichtag, total: official.populationTotal },
        };
      });
    },

    async 'import.commit'(input) {
      const found = pending.take(input.importId);
      const session = context.current();
      if (input.dryRun) {
        // The preview of a commit: computed on the project's data, rolled back; the import stays pending.
        const preview = session.tryOut((db) => commitPendingImport(db, found, input));
        return { ...preview, dryRun: true, checkpoint: null, summary: summarizeProject(session) };
      }
      let counts: ReturnType<typeof commitPendingImport> | null = null;
      let checkpoint: string | null = null;
      context.emit('progress', { taskId: input.importId, label: message('progress.committingImport'), done: 0, total: null, finished: false });
      try {
        // The project before the import, so the user can undo it as a whole (Ctrl+Z).
        const write = (db: SqliteDatabase) => {
          counts = commitPendingImport(db, found, input);
        };
        if (input.undoable !== false) checkpoint = session.editWithCheckpoint(write);
        else session.edit(write);
      } finally {
        context.emit('progress', { taskId: input.importId, label: message('progress.committingImport'), done: 1, total: 1, finished: true });
      }
      pending.remove(input.importId);
      return { ...counts!, checkpoint, summary: context.changed() };
    },

    async 'import.cancel'({ importId }) {
      return { cancelled: pending.cancel(importId) };
    },
  };
}
