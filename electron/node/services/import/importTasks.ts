/**
 * The tasks of the import worker (and of reading in this thread where there is no worker): reading a boundary
 * file or a table. Loaded on first use, so that the browser-mode server and the commands that import nothing
 * start without the readers and what they bring (proj4, shapefile, turf's union, the table parsers).
 */
export async function loadImportTasks() {
  const [{ readBoundaryFile }, { readTableFile }] = await Promise.all([import('./boundaryPreview'), import('../../import/readTable')]);
  return { readBoundaryFile, readTableFile };
}

export type OffThreadTasks = Awaited<ReturnType<typeof loadImportTasks>>;
