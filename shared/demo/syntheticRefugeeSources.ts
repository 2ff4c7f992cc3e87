/**
 * Two more sources for the demo's persons seeking protection, next to the register series of
 * `syntheticRefugees.ts` — SYNTHETIC, labelled "Beispieldaten, synthetisch" — so the Quellenvergleich has
 * something to compare. They disagree the way the real ones do (planners' experience, see users.md):
 *
 * - AsylbLG statistics (Statistik der Empfänger von Asylbewerberleistungen, 31.12.): counts benefit
 *   recipients — persons in the procedure and tolerated persons, plus a few with humanitarian titles;
 *   recognised refugees and, from June 2022, people from Ukraine receive SGB II and are missing here. A
 *   share the statistics office cannot assign to a municipality is reported as "nicht zuordenbar" for the
 *   Region (key 03241#nicht-zuordenbar), and two municipalities show reporting gaps in some years.
 * - Weekly bed count of the municipal accommodation (Belegung kommunaler Unterkünfte, the last Monday of
 *   the year): persons living in communal and emergency accommodation, whatever their status — most
 *   people in the procedure, fewer tolerated, few recognised; two municipalities count people who moved
 *   out on their own but are still registered in the accommodation.
 */
import { unassignableKey, type Observation } from '../model/project';
import { DEMO_SOURCE_IDS, DEMO_YEARS, stichtagOfYear } from './dataDictionary';
import { createDemoRandom } from './random';
import { REGION_HANNOVER_KREIS, REGION_HANNOVER_MUNICIPALITIES } from './regionHannover';

/** Share of each status living in municipal accommodation (bed count). */
const IN_ACCOMMODATION = { pending: 0.72, tolerated: 0.46, granted: 0.11 } as const;
/** Benefit recipients with a humanitarian title (§ 25 Abs. 4/5 AufenthG) relative to pending + tolerated. */
const AUSLBLG_HUMANITARIAN_SHARE = 0.05;
/** Share of the Region's recipients the statistics cannot assign to a municipality. */
const UNASSIGNABLE_SHARE = 0.018;
/** Reporting gaps: municipality key → year → factor of the reported value. */
const REPORTING_GAPS: Record<string, Record<number, number>> = {
  '03241011': { 2019: 0.62, 2020: 0.7 },
  '03241007': { 2023: 0.58 },
};
/** Bed counts that include people who moved out without deregistering: key → factor. */
const STALE_BED_LISTS: Record<string, number> = { '03241002': 1.38, '03241019': 1.25 };

/** The last Monday of a year (the weekly bed count's Stichtag for the year), as ISO date. @example lastMondayOf(2024) // "2024-12-30" */
export function lastMondayOf(year: number): string {
  const last = new Date(Date.UTC(year, 11, 31));
  const back = (last.getUTCDay() + 6) % 7;
  last.setUTCDate(31 - back);
  return last.toISOString().slice(0, 10);
}

/**
 * AsylbLG and bed-count observations of `refugees`, derived from the register's status breakdown.
 * @param registerObservations the `refugees` observations of createSyntheticRefugees (status × sex × age)
 * @example createRefugeeComparisonSources(1, refugees.observations).filter((o) => o.sourceId === DEMO_SOURCE_IDS.asylbLg).length // 21 × 10 + 10
 */
export function createRefugeeComparisonSources(seed: number, registerObservations: readonly Observation[]): Observation[] {
  const random = createDemoRandom(seed, 'refugee-sources');
  const byStatus = new Map<string, { pending: number; tolerated: number; granted: number }>();
  for (const observation of registerObservations) {
    if (observation.variable !== 'refugees' || observation.value === null) continue;
    const id = `${observation.areaKey}|${observation.period}`;
    const counts = byStatus.get(id) ?? { pending: 0, tolerated: 0, granted: 0 };
    const status = observation.dimensions['status'] as keyof typeof counts;
    counts[status] += observation.value;
    byStatus.set(id, counts);
  }
  const observations: Observation[] = [];
  for (const year of DEMO_YEARS) {
    let regionRecipients = 0;
    for (const municipality of REGION_HANNOVER_MUNICIPALITIES) {
      const counts = byStatus.get(`${municipality.key}|${stichtagOfYear(year)}`) ?? { pending: 0, tolerated: 0, granted: 0 };
      const eligible = (counts.pending + counts.tolerated) * (1 + AUSLBLG_HUMANITARIAN_SHARE);
      const recipients = Math.round(eligible * random.factor(0.03) * (REPORTING_GAPS[municipality.key]?.[year] ?? 1));
      regionRecipients += recipients;
      observations.push(observation(municipality.key, stichtagOfYear(year), recipients, DEMO_SOURCE_IDS.asylbLg));
      const beds = (counts.pending * IN_ACCOMMODATION.pending + counts.tolerated * IN_ACCOMMODATION.tolerated + counts.granted * IN_ACCOMMODATION.granted) * random.factor(0.06);
      observations.push(observation(municipality.key, lastMondayOf(year), Math.round(beds * (STALE_BED_LISTS[municipality.key] ?? 1)), DEMO_SOURCE_IDS.bedCount));
    }
    observations.push(observation(unassignableKey(REGION_HANNOVER_KREIS), stichtagOfYear(year), Math.round(regionRecipients * UNASSIGNABLE_SHARE * random.factor(0.2)), DEMO_SOURCE_IDS.asylbLg));
  }
  return observations;
}

function observation(areaKey: string, period: string, value: number, sourceId: string): Observation {
  return { areaKey, variable: 'refugees', dimensions: {}, period, value, sourceId, quality: 'synthetic' };
}
