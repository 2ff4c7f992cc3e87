/** Contract types the store's pure functions need, narrowed to the fields they read (eases testing). */
import type { ProjectSummary } from '../../shared/contract/api';

export type IndicatorSummary = ProjectSummary['indicators'][number];
export type LayerSummary = ProjectSummary['layers'][number];
export type ProjectSummaryView = Pick<ProjectSummary, 'layers' | 'indicators' | 'settings' | 'variables'>;
