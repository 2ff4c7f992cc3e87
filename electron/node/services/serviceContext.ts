/**
 * What a feature's service module gets from the backend: the open project session and the means to report
 * changes and progress. Feature modules (import/, map/, export/, profiles/, planning/) each implement the
 * methods of their contract module (shared/contract/methods/) as `create<Feature>Handlers(context)`, and
 * createKleinraumApi composes them — so features never edit one another's files.
 */
import type { EventName, EventPayload, KleinraumApi, ProjectSummary } from '../../../shared/contract/api';
import type { HostAdapter } from './host';
import type { ProjectSession } from './projectSession';

export interface ServiceContext {
  /** Folder for app data (recent projects, working copies, caches). */
  dataDir: string;
  /** Folder of the working copies of open projects. */
  workDir: string;
  host: HostAdapter;
  /** Sends a backend event to every connected UI (e.g. 'progress'). */
  emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
  /** The open project session (the demo until another project is opened). */
  current: () => ProjectSession;
  /** Call after changing the open project: emits 'project.changed' and returns the new summary. */
  changed: () => ProjectSummary;
}

/** The handlers a feature module provides: exactly the methods of its contract module. */
export type FeatureHandlers<Methods> = Pick<KleinraumApi, Extract<keyof Methods, keyof KleinraumApi>>;
