/**
 * `import.commit`: writes a pending import into the open project's working copy in ONE transaction (via
 * ProjectSession.edit): the layer or the observations, their source, missing variable / dimension
 * definitions and default indicators. Any failure rolls everything back: the project is as it was.
 */
import { UserError } from '../../../../shared/contract/errors';
import type { CommitResult } from '../../../../shared/contract/methods/import';
import type { z } from 'zod';
import type { commitInput } from '../../../../shared/contract/methods/import';
import { slug, buildTableObservations } from '../../../../shared/formats/table/table-mapping';
import type { DimensionDefinition, LocalizedText, Observation, Source } from '../../../../shared/model/project';
import { dropOwnedFeatureTable, isValidFeatureTableName } from '../../storage/geopackageCore';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readDimensions, readIndicators, readLayers, readSources, readVariables } from '../../storage/projectReader';
import { writeLayer, writeObservations, writeSetting } from '../../storage/projectWriter';
import { featureTableNameFrom } from './boundaryPreview';
import type { PendingBoundaryImport, PendingImport, PendingTableImport } from './pendingImports';
import { MAPPING_SETTING_PREFIX } from './tablePreview';

export type CommitInput = z.output<typeof commitInput>;
type CommitCounts = Omit<CommitResult, 'summary'>;

const KNOWN_DIMENSION_NAMES: Record<string, LocalizedText> = { sex: { de: 'Geschlecht', en: 'Sex' }, age: { de: 'Altersgruppe', en: 'Age group' } };
const KNOWN_VALUE_NAMES: Record<string, LocalizedText> = { m: { de: 'männlich', en: 'male' }, f: { de: 'weiblich', en: 'female' } };

function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${base}_${suffix}`)) return `${base}_${suffix}`;
}

function insertSource(db: SqliteDatabase, source: Omit<Source, 'id'>): string {
  const existing = readSources(db);
  const id = uniqueId(slug(source.name).slice(0, 48), new Set(existing.map((known) => known.id)));
  db.prepare(
    `INSERT INTO kleinraum_sources (source_id, name, publisher, stichtag, licence, licence_url, attribution, notes, synthetic, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  ).run(id, source.name, source.publisher, source.stichtag, source.licence, source.licenceUrl, source.attribution, source.notes, existing.length);
  return id;
}

/** Adds dimensions and dimension values that observations use but the project does not define yet. */
function ensureDimensions(db: SqliteDatabase, used: ReadonlyMap<string, ReadonlySet<string>>): void {
  const known = new Map(readDimensions(db).map((dimension) => [dimension.id, dimension]));
  let position = known.size;
  for (const [id, values] of used) {
    const dimension = known.get(id);
    if (dimension) {
      const missing = [...values].filter((value) => !dimension.values.some((known) => known.id === value));
      if (missing.length === 0) continue;
      const next: DimensionDefinition['values'] = [...dimension.values, ...missing.map((value) => ({ id: value, name: KNOWN_VALUE_NAMES[value] ?? { de: value, en: value } }))];
      db.prepare('UPDATE kleinraum_dimensions SET values_json = ? WHERE dimension_id = ?').run(JSON.stringify(next), id);
    } else {
      const name = KNOWN_DIMENSION_NAMES[id] ?? { de: id, en: id };
      const valueList = [...values].map((value) => ({ id: value, name: KNOWN_VALUE_NAMES[value] ?? { de: value, en: value } }));
      db.prepare('INSERT INTO kleinraum_dimensions (dimension_id, name_de, name_en, values_json, position) VALUES (?, ?, ?, ?, ?)').run(id, name.de, name.en, JSON.stringify(valueList), position);
      position += 1;
    }
  }
}

interface NewVariable {
  id: string;
  name: LocalizedText;
  unit: string;
}

/** Creates missing variables (with the dimensions their observations use) and, when asked, an absolute indicator for each. */
function ensureVariables(db: SqliteDatabase, observations: readonly Observation[], wanted: readonly NewVariable[], createIndicators: boolean): { variablesCreated: string[]; indicatorsCreated: string[] } {
  const known = new Map(readVariables(db).map((variable) => [variable.id, variable]));
  const dimensionsOf = new Map<string, Set<string>>();
  for (const observation of observations) {
    const set = dimensionsOf.get(observation.variable) ?? new Set<string>();
    for (const dimension of Object.keys(observation.dimensions)) set.add(dimension);
    dimensionsOf.set(observation.variable, set);
  }
  const variablesCreated: string[] = [];
  const indicatorsCreated: string[] = [];
  let position = known.size;
  const indicatorIds = new Set(readIndicators(db).map((indicator) => indicator.id));
  for (const variable of wanted) {
    const dimensions = [...(dimensionsOf.get(variable.id) ?? [])];
    const existing = known.get(variable.id);
    if (existing) {
      const added = dimensions.filter((dimension) => !existing.dimensions.includes(dimension));
      if (added.length > 0) db.prepare('UPDATE kleinraum_variables SET dimensions_json = ? WHERE variable_id = ?').run(JSON.stringify([...existing.dimensions, ...added]), variable.id);
      continue;
    }
    db.prepare('INSERT INTO kleinraum_variables (variable_id, name_de, name_en, unit, dimensions_json, kind, position) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      variable.id,
      variable.name.de,
      variable.name.en,
      variable.unit,
      JSON.stringify(dimensions),
      'stock',
      position,
    );
    position += 1;
    variablesCreated.push(variable.id);
    if (!createIndicators) continue;
    const indicatorId = uniqueId(`${variable.id}_total`, indicatorIds);
    indicatorIds.add(indicatorId);
    db.prepare(
      `INSERT INTO kleinraum_indicators (indicator_id, name_de, name_en, numerator_json, denominator_json, scale, unit_de, unit_en, decimals, description_de, description_en, position)
       VALUES (?, ?, ?, ?, NULL, 'absolute', ?, ?, ?, ?, ?, ?)`,
    ).run(
      indicatorId,
      variable.name.de,
      variable.name.en,
      JSON.stringify({ variable: variable.id }),
      variable.unit,
      variable.unit === 'Personen' ? 'persons' : variable.unit,
      variable.unit === 'km²' ? 1 : 0,
      `${variable.name.de}, absolut (beim Import angelegt)`,
      `${variable.name.en}, absolute (created on import)`,
      indicatorIds.size,
    );
    indicatorsCreated.push(indicatorId);
  }
  return { variablesCreated, indicatorsCreated };
}

/**
 * Refuses observations that would be added to values already in the project: indicators sum a variable over
 * its dimensions, so population 31.12.2022 of Hannover as a total from one source next to the same figure
 * by sex and age from another would silently count people twice. The planner picks another variable or date.
 */
function refuseOverlappingObservations(db: SqliteDatabase, observations: readonly Observation[]): void {
  const groups = new Map<string, { variable: string; period: string; areaKeys: Set<string> }>();
  for (const observation of observations) {
    const id = `${observation.variable}\u0000${observation.period}`;
    const group = groups.get(id) ?? { variable: observation.variable, period: observation.period, areaKeys: new Set<string>() };
    group.areaKeys.add(observation.areaKey);
    groups.set(id, group);
  }
  const existing = db.prepare('SELECT area_key, source_id FROM kleinraum_observations WHERE variable = ? AND period = ?').raw(true);
  for (const group of groups.values()) {
    const overlapping = (existing.all(group.variable, group.period) as [string, string][]).filter(([areaKey]) => group.areaKeys.has(areaKey));
    if (overlapping.length === 0) continue;
    const areas = [...new Set(overlapping.map(([areaKey]) => areaKey))];
    const sources = [...new Set(overlapping.map(([, sourceId]) => sourceId))];
    const sourceNames = sources.map((sourceId) => readSources(db).find((source) => source.id === sourceId)?.name ?? sourceId).join(', ');
    const dateDe = group.period.split('-').reverse().join('.');
    throw new UserError('conflict', {
      de: `Das Projekt hat für „${group.variable}“ am ${dateDe} schon Werte für ${areas.length} dieser Gebiete (z. B. ${areas[0]}; Quelle: ${sourceNames}). Beide zusammen würden doppelt gezählt. Bitte den Werten ein eigenes Merkmal geben (Zuordnung: Merkmal) oder einen anderen Stichtag wählen (CLI: --period).`,
      en: `The project already has values of "${group.variable}" on ${group.period} for ${areas.length} of these areas (e.g. ${areas[0]}; source: ${sourceNames}). Together they would be counted twice. Please give the values a variable of their own (mapping: variable) or choose another reference date (CLI: --period).`,
    });
  }
}

function commitBoundaries(db: SqliteDatabase, pending: PendingBoundaryImport, input: CommitInput): CommitCounts {
  const layerName = input.layerName ? featureTableNameFrom(input.layerName) : pending.layerInfo.name;
  if (!isValidFeatureTableName(layerName)) {
    throw new UserError('bad-input', { de: `Ungültiger Ebenenname „${layerName}“.`, en: `Invalid layer name "${layerName}".` });
  }
  const layers = readLayers(db);
  const clash = layers.find((layer) => layer.name === layerName);
  if (clash && !input.replaceLayer) {
    throw new UserError('conflict', {
      de: `Das Projekt hat schon eine Ebene „${layerName}“. Bitte einen anderen Namen wählen oder „Ebene ersetzen“ (CLI: --layer-name NAME).`,
      en: `The project already has a layer "${layerName}". Please choose another name or "replace layer" (CLI: --layer-name NAME).`,
    });
  }
  const position = clash ? db.prepare('SELECT position FROM kleinraum_layers WHERE table_name = ?').pluck().get(layerName) as number : layers.length;
  if (clash) dropOwnedFeatureTable(db, layerName);
  const proposal = pending.source;
  const sourceId = insertSource(db, {
    name: input.sourceName ?? proposal.name,
    publisher: input.publisher ?? proposal.publisher,
    stichtag: proposal.stichtag,
    licence: input.licence ?? proposal.licence,
    licenceUrl: proposal.licenceUrl,
    attribution: input.attribution ?? proposal.attribution,
    notes: 'Import',
    synthetic: false,
  });
  const title = input.layerTitle ?? pending.layerInfo.title;
  writeLayer(db, { ...pending.layerInfo, name: layerName, title, sourceId, featureCount: pending.areas.length }, pending.areas, position);
  if (pending.observations.some((observation) => observation.period === '') && !input.period) {
    throw new UserError('bad-input', {
      de: 'Der Dienst nennt den Stichtag der Einwohnerzahlen nicht. Bitte den Stichtag angeben (z. B. 2022-12-31; CLI: --period JJJJ-MM-TT).',
      en: 'The service does not state the reference date of the population figures. Please give it (e.g. 2022-12-31; CLI: --period YYYY-MM-DD).',
    });
  }
  const observations = pending.observations.map((observation) => ({ ...observation, period: observation.period || input.period!, sourceId }));
  refuseOverlappingObservations(db, observations);
  const created = ensureVariables(db, observations, pending.variables, input.createIndicators ?? true);
  writeObservations(db, observations);
  return { kind: 'boundaries', layer: layerName, features: pending.areas.length, rows: null, observations: observations.length, sourceId, ...created };
}

function commitTable(db: SqliteDatabase, pending: PendingTableImport, input: CommitInput): CommitCounts {
  const areaByRow = new Map(pending.matchedByKey);
  for (const accepted of input.acceptedNameMatches ?? []) {
    if (!pending.layerKeys.has(accepted.areaKey) || !pending.table.rows[accepted.rowIndex]) {
      throw new UserError('bad-input', {
        de: `Die bestätigte Zuordnung Zeile ${accepted.rowIndex} → ${accepted.areaKey} passt nicht zur Vorschau. Bitte die Vorschau neu laden.`,
        en: `The confirmed match row ${accepted.rowIndex} → ${accepted.areaKey} does not fit the preview. Please reload the preview.`,
      });
    }
    if (!areaByRow.has(accepted.rowIndex)) areaByRow.set(accepted.rowIndex, accepted.areaKey);
  }
  const built = buildTableObservations(pending.table, pending.mapping, areaByRow, 'pending', 'counted', input.period ?? null);
  if (built.periodMissing) {
    throw new UserError('bad-input', {
      de: 'Für die Werte ist kein Stichtag bekannt (weder Spalte noch Titel noch Dateiname nennen ihn). Bitte den Stichtag angeben (CLI: --period JJJJ-MM-TT).',
      en: 'No reference date is known for the values (no column, title or file name states it). Please give the reference date (CLI: --period YYYY-MM-DD).',
    });
  }
  if (built.observations.length === 0) {
    throw new UserError('bad-input', {
      de: `Keine Zeile der Tabelle passt zu einem Gebiet der Ebene „${pending.layer}“; es gibt nichts zu übernehmen. Bitte Ebene und Schlüsselspalte prüfen (CLI: --layer, --key).`,
      en: `No row of the table matches an area of layer "${pending.layer}"; there is nothing to import. Please check the layer and key column (CLI: --layer, --key).`,
    });
  }
  const stichtag = input.period ?? pending.source.stichtag ?? built.periods.at(-1) ?? null;
  const sourceId = insertSource(db, {
    name: input.sourceName ?? pending.source.name,
    publisher: input.publisher ?? pending.source.publisher,
    stichtag,
    licence: input.licence ?? (/datenlizenz deutschland|dl-de/i.test(pending.table.footerNotes.join(' ')) ? 'dl-de/by-2-0' : ''),
    licenceUrl: null,
    attribution: input.attribution ?? pending.source.attribution,
    notes: `Import ${pending.fileName}`,
    synthetic: false,
  });
  const observations = built.observations.map((observation) => ({ ...observation, sourceId }));
  refuseOverlappingObservations(db, observations);
  ensureDimensions(db, built.dimensionValues);
  const unit = input.unit ?? 'Personen';
  const variables = [...new Set(pending.mapping.valueColumns.map((entry) => entry.variable))].map((id) => ({
    id,
    name: input.variableNames?.[id] ?? pending.proposedVariableNames.get(id) ?? { de: id, en: id },
    unit: id === 'area_km2' ? 'km²' : unit,
  }));
  const created = ensureVariables(db, observations, variables, input.createIndicators ?? true);
  writeObservations(db, observations);
  if (input.rememberMapping ?? true) {
    const { period: _period, ...shape } = pending.mapping;
    writeSetting(db, `${MAPPING_SETTING_PREFIX}${pending.headerSignature}`, JSON.stringify(shape));
  }
  return { kind: 'table', layer: pending.layer, features: null, rows: areaByRow.size, observations: observations.length, sourceId, ...created };
}

/** Writes `pending` into `db` (the caller runs this inside ProjectSession.edit, i.e. one transaction). */
export function commitPendingImport(db: SqliteDatabase, pending: PendingImport, input: CommitInput): CommitCounts {
  return pending.kind === 'boundaries' ? commitBoundaries(db, pending, input) : commitTable(db, pending, input);
}
