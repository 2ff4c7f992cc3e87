/**
 * Contract methods of the foundation: host, project file, layers, indicators, areas, file browsing, dialogs.
 */
import { z } from 'zod';
import { areaDetails, emptyInput, featureCollection, fileEntry, hostInfo, projectSummary } from '../schemas';
import { mapViewSpecSchema } from '../../mapView/mapViewSpec';
import { derivedIndicatorValues, indicatorValuesInput } from './map';

export const projectMethods = {
  'host.info': { input: emptyInput, output: hostInfo },

  'project.current': { input: emptyInput, output: projectSummary },
  'project.openDemo': { input: emptyInput, output: projectSummary },
  'project.new': { input: emptyInput, output: projectSummary },
  'project.open': { input: z.object({ path: z.string().min(1) }), output: projectSummary },
  /**
   * Saves the project; `view` is the map view the user sees, stored with it (setting `map.view`) so that the
   * project reopens as it was left and the command line draws what the user last saw.
   */
  'project.save': { input: z.object({ view: mapViewSpecSchema.optional() }), output: projectSummary },
  'project.saveAs': { input: z.object({ path: z.string().min(1), view: mapViewSpecSchema.optional() }), output: projectSummary },
  'project.recent': {
    input: emptyInput,
    output: z.object({ items: z.array(z.object({ path: z.string(), title: z.string(), openedAt: z.string(), exists: z.boolean() })) }),
  },
  /**
   * Makes the project what it was at a checkpoint (taken before an import) and returns a checkpoint of the
   * state it replaced, for redo. Undo of a whole import, which no edit-by-edit command can reverse.
   */
  'project.restoreCheckpoint': { input: z.object({ checkpoint: z.string().min(1) }), output: z.object({ checkpoint: z.string(), summary: projectSummary }) },
  /** Sets one setting of the registry (shared/settings/projectSettings.ts); `value` null removes it (its default applies). */
  'project.setSetting': { input: z.object({ key: z.string().min(1), value: z.unknown() }), output: projectSummary },

  'layer.features': { input: z.object({ layer: z.string() }), output: featureCollection },

  /** Values of one indicator (optionally derived: index, change, per km², percent of — see methods/map.ts). */
  'indicator.values': {
    input: indicatorValuesInput,
    output: derivedIndicatorValues,
  },

  'area.details': {
    input: z.object({ layer: z.string(), key: z.string(), period: z.string().optional() }),
    output: areaDetails,
  },

  /** Browse the machine's files (browser mode's file dialog). `dir` defaults to the last used folder or home. */
  'files.list': {
    input: z.object({ dir: z.string().optional(), extensions: z.array(z.string()).optional() }),
    output: z.object({
      dir: z.string(),
      parent: z.string().nullable(),
      entries: z.array(fileEntry),
      /** Browser mode: the folders Kleinraum may read and write (home, the project's folder, --allow-dir), offered as shortcuts. */
      places: z.array(z.string()).optional(),
    }),
  },

  /** Native dialogs (Electron only; browser mode answers { path: null, supported: false }). */
  'dialog.openFile': {
    input: z.object({ title: z.string(), extensions: z.array(z.string()) }),
    output: z.object({ path: z.string().nullable(), supported: z.boolean() }),
  },
  'dialog.saveFile': {
    input: z.object({ title: z.string(), defaultName: z.string(), extensions: z.array(z.string()) }),
    output: z.object({ path: z.string().nullable(), supported: z.boolean() }),
  },
} as const;

