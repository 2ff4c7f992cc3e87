/**
 * Skips the running vitest test and records why, so the reason is printed in vitest's output and in the
 * summary of `npm test` (test/run-all.mjs reads `meta.skipReason` from vitest's JSON report).
 *
 * @example it('validates with GDAL', (context) => { if (!ogrinfo) skipWithReason(context, 'GDAL is not installed'); … })
 */
import type { TestContext } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** Why the test was skipped, shown in the summary of `npm test`. */
    skipReason?: string;
  }
}

export function skipWithReason(context: TestContext, reason: string): never {
  context.task.meta.skipReason = reason;
  process.stdout.write(`skipped "${context.task.name}": ${reason}\n`);
  context.skip(reason);
  throw new Error('unreachable: context.skip() ends the test');
}
