/**
 * The worker thread that reads import files (see offThread.ts): parsing a large shapefile, GeoJSON or table
 * and validating its geometry can take seconds, which must not stop the browser-mode server from answering
 * other requests, progress polls or `import.cancel`. One task per message; errors cross back as data.
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../../../../shared/contract/errors';
import { loadImportTasks, type OffThreadTasks } from './importTasks';

const tasks: OffThreadTasks = await loadImportTasks();

parentPort?.on('message', async (message: { id: number; task: keyof OffThreadTasks; args: unknown[] }) => {
  try {
    const run = tasks[message.task] as (...args: unknown[]) => unknown;
    parentPort!.postMessage({ id: message.id, ok: true, value: await run(...message.args) });
  } catch (error) {
    parentPort!.postMessage(
      error instanceof UserError
        ? { id: message.id, ok: false, userError: { code: error.code, text: error.text } }
        : { id: message.id, ok: false, internal: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    );
  }
});
