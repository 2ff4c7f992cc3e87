/**
 * Backend implementation of the contract methods in shared/contract/methods/profiles.ts: reads the profile
 * variables of the open project and lets the pure core (shared/profiles) aggregate, draw and tabulate them.
 */
import { DEFAULT_FILE_NAME_PATTERNS, fileNameFromPattern } from '../../../../shared/export/fileNamePattern';
import { translate } from '../../../../shared/i18n/translate';
import type { profileMethods } from '../../../../shared/contract/methods/profiles';
import { UserError } from '../../../../shared/contract/errors';
import { aggregateProfiles } from '../../../../shared/profiles/aggregateProfiles';
import { buildProfileFigure } from '../../../../shared/profiles/profileFigure';
import { compareFigureSvg } from '../../../../shared/profiles/svg/profileGridSvg';
import { compareTable, profileTable } from '../../../../shared/profiles/profileTable';
import type { AreaProfile, ProfileSet } from '../../../../shared/profiles/profileTypes';
import { DEFAULT_PROFILE_VARIABLES, profileVariableIds } from '../../../../shared/profiles/profileVariables';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readAreas, readDimensions, readLayers, readObservations, readSettings, readSources } from '../../storage/projectReader';
import { chooseSourceObservations, selectionPeriods, selectionPriority } from '../../../../shared/sources/sourceChoice';
import { readSourceCatalogue } from '../sourceCatalogue';
import { readSetting } from '../../../../shared/settings/projectSettings';
import type { FeatureHandlers, ServiceContext } from '../serviceContext';
import { MIME_TYPES, renderFigure, renderTable, svgSizeMm } from '../../export/renderFiles';

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
    const catalogue = readSourceCatalogue(db);
    const periods = selectionPeriods(catalogue, { variable: DEFAULT_PROFILE_VARIABLES.population });
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
    const read = readObservations(db, { variables, period });
    if (request.comparePeriod) read.push(...readObservations(db, { variables, period: request.comparePeriod }));
    // Each profile's breakdown comes from the variable's chosen source, never from two sources added up.
    const observations = chooseSourceObservations(read, (variable) => selectionPriority(catalogue, { variable }));
    return aggregateProfiles({
      layer,
      areas: readAreas(db, layer),
      observations,
      period,
      comparePeriod: request.comparePeriod ?? null,
      periods,
      dimensions: readDimensions(db),
      sources: readSources(db),
      smallNumberThreshold: readSetting(readSettings(db), 'smallNumberThreshold'),
    });
  })();
}

export function createProfileHandlers(context: ServiceContext): FeatureHandlers<typeof profileMethods> {
  return {
    async 'profiles.compute'(input) {
      return computeProfileSet(context.current().db, input);
    },

    async 'profiles.export'(input) {
      const set = computeProfileSet(context.current().db, input);
      // A gegen B: both areas, figure and table as on the tab (three charts with B's outline, A, B and A − B).
      const pair = input.view === 'compare' ? comparePair(set, input.areas?.[0], input.reference) : null;
      const view = input.view;
      const figure =
        pair !== null
          ? { svg: compareFigureSvg(set, pair.a, pair.b, input.locale), areas: [pair.a, pair.b] }
          : buildProfileFigure(set, {
              view: view === 'compare' ? 'pyramid' : view,
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
      // "Profile – Altersaufbau_2024-12-31.pdf": what it shows, in the figure's language, as the PDF's title too.
      const title = `${translate(input.locale, 'view.profiles')} – ${translate(input.locale, `profiles.view.${input.view}`)}`;
      const fileName = `${fileNameFromPattern(DEFAULT_FILE_NAME_PATTERNS.single, { indicator: title, period: set.period, number: 1, total: 1 })}.${input.format}`;
      const base = { fileName, mimeType: MIME_TYPES[input.format], panels: figure.areas.length };
      if (input.format === 'svg') return { ...base, base64: Buffer.from(figure.svg, 'utf8').toString('base64') };
      if (input.format === 'png' || input.format === 'pdf') {
        const rendered = await renderFigure({ svg: figure.svg, ...svgSizeMm(figure.svg), title }, input.format, input.dpi);
        return { ...base, base64: rendered.bytes.toString('base64'), ...(rendered.widthPx !== undefined ? { widthPx: rendered.widthPx, heightPx: rendered.heightPx } : {}) };
      }
      // Tables: the deviation view exports the indicator table (its values and the region's).
      const table = pair !== null ? compareTable(set, pair.a, pair.b, input.locale) : profileTable(set, figure.areas, view === 'deviation' || view === 'compare' ? 'indicators' : view, input.locale);
      return { ...base, base64: (await renderTable(table, input.format, `${input.view} ${set.period}`, input.locale)).toString('base64') };
    },
  };
}

/** Areas A (the first exported) and B (the reference: an area key or "region") of "A gegen B"; unknown ones are refused. */
function comparePair(set: ProfileSet, areaKey: string | undefined, reference: string | null): { a: AreaProfile; b: AreaProfile } {
  const a = set.areas.find((area) => area.key === areaKey);
  if (!a) throw new UserError('bad-input', { de: `Für „A gegen B“ bitte Gebiet A der Ebene „${set.layer}“ angeben (CLI: --areas KEY).`, en: `For "A versus B" please give area A of layer "${set.layer}" (CLI: --areas KEY).` });
  const b = reference === 'region' ? set.region : set.areas.find((area) => area.key === reference);
  if (!b) {
    throw new UserError('not-found', {
      de: `Gebiet B „${reference ?? ''}“ gibt es auf der Ebene „${set.layer}“ nicht. Bitte einen Gebietsschlüssel oder „region“ angeben (CLI: --reference).`,
      en: `Area B "${reference ?? ''}" does not exist on layer "${set.layer}". Please give an area key or "region" (CLI: --reference).`,
    });
  }
  return { a, b };
}
