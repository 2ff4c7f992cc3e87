/**
 * Runs the slow part of an import preview (reading and validating the file) in a worker thread, so the
 * browser-mode server's event loop stays free: other requests are answered and `import.cancel` ends the
 * work at once by terminating the worker. One worker is kept for reuse (unref'd while idle). Only the
 * browser-mode server switches this on (`useImportWorker()`): a one-shot CLI command has nothing else to
 * answer and would only pay a second start-up, and the bundled desktop app ships no worker script (it
 * reads in its main process, the window stays responsive). Elsewhere the task runs in this thread.
 * The prebuilt server finds the worker as build/node/services/import/importWorker.mjs (launcher/nodeBundle.mjs).
 */
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError, type ErrorCode } from '../../../../shared/contract/errors';
import type { LocalizedText } from '../../../../shared/model/project';
import { loadImportTasks, type OffThreadTasks } from './importTasks';

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; userError?: { code: ErrorCode; text: LocalizedText }; internal?: string };

let workerEnabled = false;
let worker: Worker | null = null;

/** Switches reading import files into the worker thread on (browser mode) or off. */
export function useImportWorker(enabled = true): void {
  workerEnabled = enabled;
}
let nextId = 1;
const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();

/**
 * The worker's script: the prebuilt importWorker.mjs beside this module in the bundle (build/node/services/import/,
 * which `kleinraum serve` and `npm start` run), else the TypeScript source (tests run from source).
 */
function workerScript(): string | null {
  for (const candidate of ['./importWorker.mjs', './importWorker.ts']) {
    try {
      const file = fileURLToPath(new URL(candidate, import.meta.url));
      if (fs.existsSync(file)) return file;
    } catch {
      // not a file URL (e.g. inside an archive): try the next
    }
  }
  return null;
}

function failAll(error: unknown): void {
  for (const pending of waiting.values()) pending.reject(error);
  waiting.clear();
}

function startWorker(script: string): Worker {
  // The bundle's worker is plain JavaScript; the TypeScript source needs tsx's loader, registered first.
  const started = script.endsWith('.mjs')
    ? new Worker(pathToFileURL(script))
    : new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(script).href)}); });`, { eval: true });
  started.on('message', (reply: Reply) => {
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    if (waiting.size === 0) started.unref();
    if (reply.ok) pending.resolve(reply.value);
    else if (reply.userError) pending.reject(new UserError(reply.userError.code, reply.userError.text));
    else pending.reject(new Error(reply.internal ?? 'import worker failed'));
  });
  started.on('error', (error) => {
    worker = null;
    failAll(error);
  });
  started.on('exit', () => {
    if (worker === started) worker = null;
  });
  started.unref();
  return started;
}

export interface Cancellation {
  /** Registers what to do when the task is cancelled (import.cancel). */
  onCancel(callback: () => void): void;
}

const cancelledError = () => new UserError('cancelled', { de: 'Der Import wurde abgebrochen. Die Projektdatei ist unverändert.', en: 'The import was cancelled. The project file is unchanged.' });

/**
 * Runs `task` with `args` in the import worker (or inline where there is none); rejects with a 'cancelled'
 * UserError as soon as `cancellation` fires, terminating the worker.
 * @example const { imported } = await runOffThread('readBoundaryFile', [file, { layer: 'VG250_GEM' }], task)
 */
export async function runOffThread<Task extends keyof OffThreadTasks>(task: Task, args: Parameters<OffThreadTasks[Task]>, cancellation?: Cancellation): Promise<Awaited<ReturnType<OffThreadTasks[Task]>>> {
  const script = workerEnabled ? workerScript() : null;
  if (script === null) {
    const inline = await loadImportTasks();
    return (await (inline[task] as (...values: unknown[]) => unknown)(...args)) as Awaited<ReturnType<OffThreadTasks[Task]>>;
  }
  worker ??= startWorker(script);
  const current = worker;
  const id = nextId;
  nextId += 1;
  return new Promise<Awaited<ReturnType<OffThreadTasks[Task]>>>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
    current.ref();
    cancellation?.onCancel(() => {
      if (!waiting.has(id)) return;
      waiting.delete(id);
      reject(cancelledError());
      // Only terminating stops a parse in the middle; the next task starts a fresh worker.
      if (worker === current) worker = null;
      failAll(cancelledError());
      void current.terminate();
    });
    current.postMessage({ id, task, args });
  });
}
