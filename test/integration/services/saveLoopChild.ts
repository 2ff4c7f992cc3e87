/**
 * Child process for the crash-safety test (atomicSave.test.ts): opens a project with 20 000 observations
 * and saves it to the target in an endless loop, changing the setting `demoSeed` (a counter here) before every save.
 * Prints "saved <n>" after each completed save. The test kills it with SIGKILL at random moments.
 * Usage: node --import tsx saveLoopChild.ts <workDir> <targetPath>
 */
import { ProjectSession } from '../../../electron/node/services/projectSession';
import { createCrashTestContent } from './crashTestContent';

const [workDir, targetPath] = process.argv.slice(2);
if (!workDir || !targetPath) throw new Error('usage: saveLoopChild.ts <workDir> <targetPath>');

const session = ProjectSession.fromContent(workDir, createCrashTestContent(), false);
for (let counter = 1; ; counter += 1) {
  session.setSetting('demoSeed', counter);
  session.saveAs(targetPath);
  process.stdout.write(`saved ${counter}\n`);
}
