/**
 * Child process for recentProjects.test.ts: remembers `count` projects in the shared data folder as fast as
 * it can, as several CLI runs or app windows sharing one data folder do. Exits 0 when every call returned.
 * Usage: node --import tsx rememberLoopChild.ts <dataDir> <name> <count>
 */
import { rememberRecentProject } from '../../../electron/node/services/recentProjects';

const [dataDir, name, count] = process.argv.slice(2);
if (!dataDir || !name || !count) throw new Error('usage: rememberLoopChild.ts <dataDir> <name> <count>');
for (let index = 0; index < Number(count); index += 1) {
  rememberRecentProject(dataDir, { path: `/projekte/${name}-${index}.gpkg`, title: `${name} ${index}`, openedAt: new Date().toISOString() });
}
