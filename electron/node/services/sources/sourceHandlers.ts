/**
 * Backend implementation of shared/contract/methods/sources.ts: the Quellenvergleich of the open project
 * (shared/sources/compareSources.ts), its exports, and the choice of the sources a variable's indicators
 * draw from.
 */
import type { z } from 'zod';
import { UserError } from '../../../../shared/contract/errors';
import type { comparisonInput, sourceComparisonSchema, sourceMethods } from '../../../../shared/contract/methods/sources';
import { composeFigure, type AreaCollection } from '../../../../shared/export/composeFigure';
import { resolveExportLayout } from '../../../../shared/export/exportLayout';
import { formatDate, type Locale } from '../../../../shared/format/number';
import { localized } from '../../../../shared/i18n/translate';
import { buildIndicatorLegend } from '../../../../shared/mapView/indicatorLegend';
import { readSetting } from '../../../../shared/settings/projectSettings';
import { compareSources, type SourceComparison } from '../../../../shared/sources/compareSources';
import { comparisonTable } from '../../../../shared/sources/comparisonTable';
import { drawComparisonGap } from '../../../../shared/sources/comparisonDrawing';
import { shortSourceName } from '../../../../shared/sources/sourceChoiceLine';
import { deliver, targetPath } from '../../export/deliverFile';
import { renderFigure, renderTable } from '../../export/renderFiles';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readAreas, readAreasAsFeatureCollection, readLayers, readObservations, readSettings, readSources, readVariables } from '../../storage/projectReader';
import { writeVariableSources } from '../../storage/projectWriter';
import { sourcesHolding } from '../../storage/importStore';
import type { FeatureHandlers, ServiceContext } from '../serviceContext';

type ComparisonInput = z.output<typeof comparisonInput>;
type ComparisonResult = z.output<typeof sourceComparisonSchema>;

/** Today as an ISO date in local time. */
function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The comparison for a request on the open project: names the field and the choices when the variable,
 * a source or the layer does not exist, or when fewer than two sources hold the variable.
 * @example comparisonFor(db, { variable: 'refugees' }).sources.map((source) => source.id) // ['demo-azr', 'demo-asylblg', 'demo-bettenzaehlung']
 */
export function comparisonFor(db: SqliteDatabase, input: ComparisonInput): ComparisonResult {
  const variables = readVariables(db);
  const variable = variables.find((candidate) => candidate.id === input.variable);
  if (!variable) {
    throw new UserError('not-found', {
      de: `Die Variable „${input.variable}“ (variable) gibt es nicht. Vorhanden: ${variables.map((candidate) => candidate.id).join(', ')}.`,
      en: `There is no variable "${input.variable}" (variable). Available: ${variables.map((candidate) => candidate.id).join(', ')}.`,
    });
  }
  const sources = readSources(db);
  const holding = (sourcesHolding(db, [variable.id]).get(variable.id) ?? []).map((entry) => entry.sourceId);
  const unknown = (input.sources ?? []).filter((id) => !sources.some((source) => source.id === id));
  if (unknown.length > 0) {
    throw new UserError('not-found', {
      de: `Die Quelle(n) ${unknown.join(', ')} (sources) gibt es nicht. Quellen von „${variable.name.de}“: ${holding.join(', ') || 'keine'}.`,
      en: `There is no source ${unknown.join(', ')} (sources). Sources of "${variable.name.en}": ${holding.join(', ') || 'none'}.`,
    });
  }
  // A source without any value of the variable would stand beside the others as a column of dashes.
  const empty = (input.sources ?? []).filter((id) => !holding.includes(id));
  if (empty.length > 0) {
    throw new UserError('not-found', {
      de: `Die Quelle(n) ${empty.join(', ')} (sources) enthalten keine Werte von „${variable.name.de}“. Quellen von „${variable.name.de}“: ${holding.join(', ') || 'keine'}.`,
      en: `The source(s) ${empty.join(', ')} (sources) hold no values of "${variable.name.en}". Sources of "${variable.name.en}": ${holding.join(', ') || 'none'}.`,
    });
  }
  const chosen = variable.sources.filter((id) => holding.includes(id));
  const compared = input.sources ? [...new Set(input.sources)] : [...chosen, ...holding.filter((id) => !chosen.includes(id))];
  if (compared.length < 2) {
    throw new UserError('bad-input', {
      de: `Für „${variable.name.de}“ gibt es ${holding.length === 1 ? 'nur die Quelle ' + holding[0] : 'keine Quelle'}; zum Vergleichen bitte eine weitere Quelle importieren (Importieren → „als weitere Quelle“).`,
      en: `"${variable.name.en}" has ${holding.length === 1 ? 'only the source ' + holding[0] : 'no source'}; to compare, please import a further source (Import → "as a further source").`,
    });
  }
  const layers = readLayers(db);
  const layer = input.layer ?? layers[0]?.name;
  if (!layer || !layers.some((candidate) => candidate.name === layer)) {
    throw new UserError('not-found', {
      de: `Die Ebene „${input.layer ?? ''}“ (layer) gibt es nicht. Vorhanden: ${layers.map((candidate) => candidate.name).join(', ') || 'keine'}.`,
      en: `There is no layer "${input.layer ?? ''}" (layer). Available: ${layers.map((candidate) => candidate.name).join(', ') || 'none'}.`,
    });
  }
  const areas = readAreas(db, layer);
  const parents = new Set(areas.map((area) => area.parentKey ?? null));
  const observations = readObservations(db, { variables: [variable.id] }).filter((observation) => compared.includes(observation.sourceId));
  const comparison = compareSources({
    variable: variable.id,
    areas: areas.map((area) => ({ key: area.key, name: area.name })),
    observations,
    sources: compared.map((id) => {
      const source = sources.find((candidate) => candidate.id === id)!;
      return { id, name: source.name, definition: source.definition, quality: source.quality, synthetic: source.synthetic };
    }),
    period: input.period ?? null,
    thresholdPercent: input.thresholdPercent ?? 10,
    parentKey: parents.size === 1 ? [...parents][0] ?? null : null,
  });
  if (comparison.sources[0]?.stichtag === null) {
    const periods = [...new Set(observations.filter((observation) => observation.sourceId === compared[0]).map((observation) => observation.period))].sort();
    throw new UserError('not-found', {
      de: `Die Quelle „${comparison.sources[0]?.name ?? compared[0]}“ hat zum ${formatDate(comparison.period, 'de')} keine Werte. Bitte einen dieser Stichtage wählen: ${periods.map((period) => formatDate(period, 'de')).join(', ')} (CLI: --period).`,
      en: `The source "${comparison.sources[0]?.name ?? compared[0]}" has no values near ${formatDate(comparison.period, 'en')}. Please choose one of these reference dates: ${periods.map((period) => formatDate(period, 'en')).join(', ')} (CLI: --period).`,
    });
  }
  return { ...comparison, variableName: variable.name, layer, chosenSources: variable.sources };
}

/** "Stichtag 30.12.2024 gegenüber 31.12.2024", or one date when both sources have the same. */
function comparedStichtage(compared: string | null, reference: string | null, locale: Locale): string {
  const date = (value: string | null) => (value ? formatDate(value, locale) : '–');
  const word = locale === 'de' ? 'Stichtag' : 'Reference date';
  return compared === reference ? `${word} ${date(reference)}` : `${word} ${date(compared)} ${locale === 'de' ? 'gegenüber' : 'against'} ${date(reference)}`;
}

/** The committee figure of a comparison: the gap in percent as a diverging map, both sources named. */
function comparisonFigure(db: SqliteDatabase, comparison: SourceComparison & { layer: string; variableName: { de: string; en: string } }, locale: Locale) {
  const [first, second] = comparison.sources;
  if (!first || !second) throw new Error('a comparison has at least two sources');
  const projectSources = readSources(db);
  const layerInfo = readLayers(db).find((layer) => layer.name === comparison.layer)!;
  const de = locale === 'de';
  const title = `${localized(comparison.variableName, locale)}: ${shortSourceName(second.name)} ${de ? 'gegenüber' : 'vs.'} ${shortSourceName(first.name)}`;
  const gap = drawComparisonGap(comparison, comparison.variableName);
  const values = {
    indicator: gap.indicator,
    layer: comparison.layer,
    period: first.stichtag ?? comparison.period,
    values: gap.values,
    // The figure draws B against A: its data lines name those two, not further sources of the table.
    sources: [first, second].flatMap((source) => {
      const known = projectSources.find((candidate) => candidate.id === source.id);
      return known ? [{ ...known, stichtag: source.stichtag }] : [];
    }),
    regionValue: gap.regionValue,
    regionScope: gap.regionScope,
  };
  const drawn = gap.drawn;
  const legend = buildIndicatorLegend(drawn, values, { locale, smallNumberThreshold: readSetting(readSettings(db), 'smallNumberThreshold') });
  const layout = resolveExportLayout({ title: { text: title } }, resolveExportLayout(readSetting(readSettings(db), 'export.layout')));
  const figure = composeFigure({
    areas: readAreasAsFeatureCollection(db, comparison.layer) as unknown as AreaCollection,
    values,
    layerTitle: localized(layerInfo.title, locale),
    boundarySource: projectSources.find((source) => source.id === layerInfo.sourceId) ?? null,
    schematicBoundaries: layerInfo.schematic,
    drawn,
    // In the title's order ("B gegenüber A"), short enough for the legend: "Stichtag 30.12.2024 gegenüber 31.12.2024".
    legend: { ...legend, stichtag: comparedStichtage(second.stichtag, first.stichtag, locale) },
    layout,
    locale,
    createdOn: today(),
  });
  return { figure, title };
}

export function createSourceHandlers(context: ServiceContext): FeatureHandlers<typeof sourceMethods> {
  return {
    async 'sources.compare'(input) {
      return comparisonFor(context.current().db, input);
    },

    async 'sources.exportComparison'(input) {
      const db = context.current().db;
      const comparison = comparisonFor(db, input);
      const locale: Locale = input.locale ?? 'de';
      const fileName = `quellenvergleich_${comparison.variable}_${comparison.period}.${input.format}`;
      const filePath = input.path ? targetPath(input.path, input.format) : null;
      if (input.format === 'csv' || input.format === 'xlsx') {
        const bytes = await renderTable(comparisonTable(comparison, locale), input.format, locale === 'de' ? 'Quellenvergleich' : 'Source comparison', locale);
        return deliver(bytes, fileName, input.format, filePath);
      }
      const { figure, title } = comparisonFigure(db, comparison, locale);
      const rendered = await renderFigure({ svg: figure.svg, widthMm: figure.widthMm, heightMm: figure.heightMm, title }, input.format, input.dpi ?? 300);
      return deliver(rendered.bytes, fileName, input.format, filePath);
    },

    async 'sources.setChoice'({ variable, sources }) {
      const db = context.current().db;
      const known = readVariables(db).find((candidate) => candidate.id === variable);
      const holding = (sourcesHolding(db, [variable]).get(variable) ?? []).map((entry) => entry.sourceId);
      const unknown = sources.filter((id) => !holding.includes(id));
      if (!known || unknown.length > 0) {
        throw new UserError('not-found', {
          de: known ? `Die Quelle(n) ${unknown.join(', ')} enthalten keine Werte von „${known.name.de}“. Möglich: ${holding.join(', ')}.` : `Die Variable „${variable}“ gibt es nicht.`,
          en: known ? `The source(s) ${unknown.join(', ')} hold no values of "${known.name.en}". Possible: ${holding.join(', ')}.` : `There is no variable "${variable}".`,
        });
      }
      context.current().edit((database) => writeVariableSources(database, variable, sources));
      return context.changed();
    },
  };
}
