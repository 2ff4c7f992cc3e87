/**
 * The backend calls a planner waits for most, measured through browser mode's real HTTP transport:
 * opening a project file (the demo, written by the CLI) and computing one indicator for all areas.
 */
import { runCli } from '../helpers/cli';
import { startServe } from '../helpers/serveProcess';
import { makeTempDir } from '../helpers/tempDir';
import { median, repeat, type Benchmark } from './benchmark';

interface ProjectSummary {
  layers: { name: string; featureCount: number }[];
  indicators: { id: string; periods: string[] }[];
}

const repetitions = 7;

const projectQueries: Benchmark = {
  name: 'project-queries',
  async run() {
    const directory = makeTempDir('kleinraum-bench-project-');
    // Browser mode reads only in allowed folders: the bench's project lives in a temporary one.
    const server = await startServe(['--allow-dir', directory.path]);
    try {
      const demoPath = directory.file('demo.gpkg');
      const written = runCli(['demo', '--out', demoPath, '--json']);
      if (written.status !== 0) throw new Error(`kleinraum demo failed: ${written.stderr}`);

      const openDurations = await repeat(repetitions, () => server.call('project.open', { path: demoPath }));
      const project = await server.call<ProjectSummary>('project.current');
      const layer = project.layers[0];
      const indicator = project.indicators[0];
      if (!layer || !indicator) throw new Error('the demo project has no layer or no indicator');
      const period = indicator.periods.at(-1);
      let areaCount = 0;
      const queryDurations = await repeat(repetitions, async () => {
        const result = await server.call<{ values: unknown[] }>('indicator.values', {
          indicatorId: indicator.id,
          layer: layer.name,
          ...(period ? { period } : {}),
        });
        areaCount = result.values.length;
      });
      return {
        projectOpenMsMedian: median(openDurations),
        projectOpenMsFirst: openDurations[0] ?? Number.NaN,
        indicatorQueryAllAreasMsMedian: median(queryDurations),
        indicatorQueryAllAreasMsFirst: queryDurations[0] ?? Number.NaN,
        areas: areaCount,
        repetitions,
      };
    } finally {
      await server.stop();
      directory.remove();
    }
  },
};

export default projectQueries;
