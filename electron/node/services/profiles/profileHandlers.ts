/**
 * Backend implementation of the contract methods in shared/contract/methods/profiles.ts: reads the profile
 * variables of the open project and lets the pure core (shared/profiles) aggregate, draw and tabulate them.
 */
import type { profileMethods } from '../../../../shared/contract/methods/profiles';
import { UserError } from '../../../../shared/contract/errors';
import { aggregateProfiles } from '../../../../shared/profiles/aggregateProfiles';
import { buildProfileFigure } from '../../../../shared/profiles/profileFigure';
import { profileTable, profileTableCsv } from '../../../../shared/profiles/profileTable';
import type { ProfileSet } from '../../../../shared/profiles/profileTypes';
import { DEFAULT_PROFILE_VARIABLES, profileVariableIds } from '../../../../shared/profiles/profileVariables';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readAreas, readDimensions, readLayers, readObservations, readPeriodsByVariable, readSettings, readSources } from '../../storage/projectReader';
import { smallNumberThreshold } from '../indicatorService';
import type { FeatureHandlers, ServiceContext } from '../serviceContext';
import { svgToPdf, svgToPng, tableToXlsx } from './profileFileRendering';

export interface ProfileRequest {
  layer?: string | undefined;
  period?: string | undefined;
  comparePeriod?: string | null | undefined;
}

/** The profile set of the open project for a layer and period (defaults: first layer, latest period). */
export function computeProfileSet(db: SqliteDatabase, request: ProfileRequest): ProfileSet {
  return db.transaction((): ProfileSet => {
    const layers = readLayers(db);
    const layer = request.layer ?? layers[0]?.name;
    if (layer === undefined) {
      throw new UserError('not-found', {
        de: 'Das Projekt hat noch keine Gebietsebene. Bitte zuerst Grenzen importieren.',
        en: 'The project has no boundary layer yet. Please import boundaries first.',
      });
    }
    const periods = readPeriodsByVariable(db).get(DEFAULT_PROFILE_VARIABLES.population) ?? [];
    const period = request.period ?? periods.at(-1);
    if (period === undefined) {
      throw new UserError('not-found', {
        de: 'Für Profile fehlt die Bevölkerung nach Alter und Geschlecht. Bitte diese Daten importieren.',
        en: 'Profiles need the population by age and sex. Please import this data.',
      });
    }
    for (const wanted of [period, request.comparePeriod ?? null]) {
      if (wanted !== null && !periods.includes(wanted)) {
        throw new UserError('not-found', {
          de: `Für den Stichtag ${wanted} gibt es keine Bevölkerungsdaten. Vorhanden: ${periods.join(', ')}.`,
          en: `There is no population data for ${wanted}. Available: ${periods.join(', ')}.`,
        });
      }
    }
    const variables = profileVariableIds(DEFAULT_PROFILE_VARIABLES);
    const observations = readObservations(db, { variables, period });
    if (request.comparePeriod) observations.push(...readObservations(db, { variables, period: request.comparePeriod }));
    return aggregateProfiles({
      layer,
      areas: readAreas(db, layer),
      observations,
      period,
      comparePeriod: request.comparePeriod ?? null,
      periods,
      dimensions: readDimensions(db),
      sources: readSources(db),
      smallNumberThreshold: smallNumberThreshold(readSettings(db)),
    });
  })();
}

/** MIME types of the files a view can be exported as (figures and tables). */
export const MIME_TYPES = {
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function createProfileHandlers(context: ServiceContext): FeatureHandlers<typeof profileMethods> {
  return {
    async 'profiles.compute'(input) {
      return computeProfileSet(context.current().db, input);
    },

    async 'profiles.export'(input) {
      const set = computeProfileSet(context.current().db, input);
      const figure = buildProfileFigure(set, {
        view: input.view,
        mode: input.mode,
        reference: input.reference,
        areaKeys: input.areas ?? null,
        sortBy: input.sortBy ?? null,
        descending: input.descending,
        typologyGroups: input.typologyGroups ?? null,
        indicatorId: input.indicatorId,
        measure: input.measure,
        locale: input.locale,
      });
      const fileName = `profile-${input.view}-${set.period}.${input.format}`;
      const base = { fileName, mimeType: MIME_TYPES[input.format], panels: figure.areas.length };
      if (input.format === 'svg') return { ...base, base64: Buffer.from(figure.svg, 'utf8').toString('base64') };
      if (input.format === 'png') {
        const png = svgToPng(figure.svg, input.dpi);
        return { ...base, base64: png.bytes.toString('base64'), widthPx: png.widthPx, heightPx: png.heightPx };
      }
      if (input.format === 'pdf') return { ...base, base64: (await svgToPdf(figure.svg, fileName)).toString('base64') };
      // Tables: the deviation view exports the indicator table (its values and the region's).
      const tableView = input.view === 'deviation' ? 'indicators' : input.view;
      const table = profileTable(set, figure.areas, tableView, input.locale);
      if (input.format === 'csv') return { ...base, base64: Buffer.from(profileTableCsv(table), 'utf8').toString('base64') };
      return { ...base, base64: (await tableToXlsx(table, `${input.view} ${set.period}`)).toString('base64') };
    },
  };
}
