/**
 * Issue 16, rows 2 and 3: commands that do little work must start fast, because a planner (or a script
 * running a hundred of them) waits for the start-up every time. `kleinraum info demo.gpkg` (goal ≤ 300 ms)
 * and `kleinraum scenario demo.gpkg --scenario mittel` (goal ≤ 400 ms), next to a bare `node -e 0`, the
 * floor every Node command pays on this machine, measured in the same run. Medians of 7 runs.
 */
import { makeTempDir } from '../helpers/tempDir';
import type { Benchmark } from './benchmark';
import { kleinraumCommand, measureCommand, ratio, rounded, runKleinraumStep } from './peers';

const REPETITIONS = 7;

const cliStartup: Benchmark = {
  name: 'cli-startup',
  async run() {
    const directory = makeTempDir('kleinraum-bench-cli-');
    try {
      const demo = directory.file('demo.gpkg');
      const dataDir = directory.file('data');
      runKleinraumStep('demo', '--out', demo, '--data-dir', dataDir);
      const node = measureCommand([process.execPath, '-e', '0'], { repetitions: REPETITIONS });
      const info = measureCommand(kleinraumCommand('info', demo, '--data-dir', dataDir), { repetitions: REPETITIONS });
      const scenario = measureCommand(kleinraumCommand('scenario', demo, '--scenario', 'mittel', '--data-dir', dataDir), { repetitions: REPETITIONS });
      return {
        bareNodeWallMs: rounded(node.wallMs),
        infoWallMs: rounded(info.wallMs),
        infoCpuMs: rounded(info.cpuMs),
        infoPeakMemoryMb: rounded(info.peakMemoryMb),
        infoGoalWallMs: 300,
        scenarioWallMs: rounded(scenario.wallMs),
        scenarioCpuMs: rounded(scenario.cpuMs),
        scenarioGoalWallMs: 400,
        ratioInfoToBareNode: ratio(info.wallMs, node.wallMs),
        ratioScenarioToBareNode: ratio(scenario.wallMs, node.wallMs),
      };
    } finally {
      directory.remove();
    }
  },
};

export default cliStartup;
