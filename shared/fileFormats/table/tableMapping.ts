/**
 * From a parsed table to observations: which column holds the key, the period and the values, and which
 * variable and dimension values each value column stands for. The importer proposes a mapping from the
 * header texts; the planner confirms or edits it; the confirmed mapping is remembered per table shape.
 * Pure: no IO.
 */
import type { DimensionDefinition, Dimensions, LocalizedText, MissingCode, Observation, QualityFlag } from '../../model/project';
import { isoDateOf } from './analyseGrid';
import { ageRangeOf, dimensionOfHeader, proposeDimensionValue, proposeValueMap, TOTAL_VALUE } from './dimensionValues';
import type { ParsedTable } from './parsedTable';
import { OFFICIAL_AREA_VARIABLE, namesRate } from '../../model/project';
import { movementVariableId, type FlowTerm } from '../../movement/accountVariables';
import { movementTermOfWords } from '../../movement/accountLabels';

export interface ValueColumnMapping {
  column: number;
  variable: string;
  dimensions: Record<string, string>;
}

/** Mirrors the contract's `tableMapping` (shared/contract/tableMappingSchema.ts). */
export interface TableMapping {
  layout: 'wide' | 'long';
  keyColumn: number | null;
  nameColumn?: number | null;
  periodColumn?: number | null;
  period?: string | null;
  valueColumns: ValueColumnMapping[];
  /**
   * Breakdown columns of a long table: the dimension and, optionally, which project value each cell text
   * stands for (shared/fileFormats/table/dimensionValues.ts; '*' marks a total row). Unmapped texts are used
   * as they are.
   */
  dimensionColumns: { column: number; dimension: string; values?: Record<string, string> }[];
}

/**
 * Columns that are numbers but never values to map: GV-ISys record types, postcodes, coordinates,
 * densities, and the code fields of BKG's VG250 attribute table (ADE level, GF geofactor, BSG special
 * area, IBZ designation, FK_S3 land/water; its EWZ and KFL are values).
 */
const NOT_A_VALUE = /^(satzart|textkennzeichen|land|rb|regbez|kreis|vb|gemeinde|postleitzahl|plz|laengengrad|breitengrad|lat|lon|jekm2|verstaedterungschluessel|.*schluessel|.*schlüssel|ade|gf|bsg|ibz|fk_s3)$/;

const BREAKDOWN_HEADING = /gruppe|^geschlecht$|^alter$|^altersklassen?\b/;
const SEX_WORDS: Record<string, string> = { männlich: 'm', maennlich: 'm', weiblich: 'f', männer: 'm', frauen: 'f' };
const TOTAL_WORDS = new Set(['insgesamt', 'zusammen', 'gesamt', 'total', 'bevölkerung', 'bevoelkerung', 'einwohner', 'personen', 'anzahl', 'bevölkerungszahl']);
/** Header words that label the period row of a GENESIS header ("Stichtag" over "31.12.2021"), not the values. */
const PERIOD_WORDS = new Set(['stichtag', 'jahr', 'jahre', 'zeit', 'datum', 'zeitpunkt', 'berichtsjahr', 'reference date', 'year', 'date']);
const KNOWN_VARIABLES: [RegExp, string, LocalizedText][] = [
  [/schutzsuchend/, 'refugees', { de: 'Schutzsuchende', en: 'Persons seeking protection' }],
  [/asyl/, 'asylum_benefit_recipients', { de: 'Empfänger Asylbewerberleistungen', en: 'Asylum seekers’ benefit recipients' }],
  [/^(fläche|flaeche)/, 'area_km2', { de: 'Fläche (km²)', en: 'Area (km²)' }],
  [/bevölkerung|bevoelkerung|einwohner|^personen$|^insgesamt$|^anzahl$/, 'population', { de: 'Bevölkerung', en: 'Population' }],
];

/**
 * A short text identifying a table's shape (its header labels, with dates masked so next year's file of the
 * same kind has the same signature). Used for the settings key `import.mapping.<signature>`.
 * @example headerSignature(table) // "5e1a09c3"
 */
export function headerSignature(table: ParsedTable): string {
  const text = table.columns.map((column) => column.label.toLowerCase().replace(/\d{1,2}\.\d{1,2}\.\d{4}/g, '#date')).join('|');
  // FNV-1a, 32 bit: short and stable; a collision only proposes a mapping the user still sees.
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${table.columns.length}c${hash.toString(16).padStart(8, '0')}`;
}

/** A stable id from a label: lower case ASCII, words joined with _. @example slug('3 bis unter 6 Jahre') // "3_bis_unter_6_jahre" */
export function slug(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'wert'
  );
}

export interface ProposedVariable {
  id: string;
  name: LocalizedText;
}

/** Whether a heading part is an age group (see describeValueColumn); a total ("alle Altersjahre") is none. */
function isAgeGroup(part: string): boolean {
  if (!/\b(jahre|jahren|alter)\b/i.test(part)) return false;
  if (proposeDimensionValue(part, undefined, 'age') === TOTAL_VALUE) return false;
  return ageRangeOf(part) !== null || part.split(/\s+/).length <= 4;
}

/** A heading without its dates ("Einwohner 31.12.2021", "Stand 30.06.2022", "per 31.12.2023"). */
function withoutDates(text: string): string {
  return text.replace(/(?:^|\s|\()(?:stand|stichtag|am|per)?\s*\d{1,2}\.\d{1,2}\.\d{4}\)?/gi, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Variable and dimensions for one value column, from its header parts and the table's title. An age group
 * is the project's value of the same years ("unter 3 Jahre" → "0-2", as in long tables), else a new value
 * named by its years: read as "unter_3_jahre" it never met the project's age groups.
 */
function describeValueColumn(parts: string[], titleText: string, projectDimensions: readonly DimensionDefinition[]): { variable: ProposedVariable; dimensions: Record<string, string> } {
  // A date in a header is the period, not part of the name: "Einwohner 31.12.2021" names the population
  // (it became "Wert" when the whole part was dropped for its date).
  const words = parts
    .map(withoutDates)
    .filter((part) => part !== '' && isoDateOf(part) === null && !PERIOD_WORDS.has(part.toLowerCase()));
  const dimensions: Record<string, string> = {};
  const rest: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    // A breakdown's heading over its values ("Altersgruppen (unter 1 bis 75 u.m.)", "Geschlecht") is no
    // value itself: read as one, the age column "Insgesamt" became an age group of its own.
    if (BREAKDOWN_HEADING.test(lower)) continue;
    if (SEX_WORDS[lower]) dimensions.sex = SEX_WORDS[lower];
    // An age group names years or age as a word and reads as a range ("unter 3 Jahre", "65 Jahre und mehr")
    // or is short ("Alter unbekannt"): a sentence that mentions years ("Anteil Kinder … unter 18 Jahren an
    // der Gesamtbevölkerung"), "Durchschnittsalter" or "Jahresdurchschnitt" name the figure.
    else if (isAgeGroup(word)) dimensions.age = proposeDimensionValue(word, projectDimensions.find((dimension) => dimension.id === 'age'), 'age') ?? slug(word);
    else if (!TOTAL_WORDS.has(lower) || words.length === 1) rest.push(word);
  }
  const base = (rest.join(' ') || titleText).toLowerCase();
  // "Pkw je 1.000 Einwohner", "Anteil … an der Bevölkerung in %" name the population but are rates, not counts.
  const isRate = namesRate(base);
  const known = isRate ? undefined : KNOWN_VARIABLES.find(([pattern]) => pattern.test(base));
  if (known) return { variable: { id: known[1], name: known[2] }, dimensions };
  if (rest.length === 0 && Object.keys(dimensions).length > 0) return { variable: { id: 'population', name: { de: 'Bevölkerung', en: 'Population' } }, dimensions };
  const label = rest.join(' ') || 'Wert';
  return { variable: { id: slug(label), name: { de: label, en: label } }, dimensions };
}

function periodFromCell(text: string): string | null {
  const trimmed = text.trim();
  if (/^\d{4}$/.test(trimmed)) return `${trimmed}-12-31`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  return isoDateOf(trimmed);
}

/**
 * Proposes a mapping: key and name columns as detected, a date column as the period (else a date in the
 * header, the title or the file name), and every number column as a value column.
 * A total next to its breakdown by sex would count people twice, so the proposal keeps the total only.
 * @example proposeTableMapping(schutzsuchende, 'schutzsuchende_kreise_2018-12-31.csv').valueColumns // [{ column: 3, variable: 'refugees', dimensions: {} }]
 */
export function proposeTableMapping(table: ParsedTable, fileName: string, projectDimensions: readonly DimensionDefinition[] = []): { mapping: TableMapping; variables: Map<string, LocalizedText> } {
  const dateColumn = table.columns.find((column) => column.kind === 'date' && table.rows.some((row) => periodFromCell(row.cells[column.index] ?? '') !== null));
  const candidates = table.columns.filter(
    (column) =>
      column.kind === 'number' &&
      column.index !== table.keyColumn &&
      column.index !== table.nameColumn &&
      !table.compositeKeyColumns.includes(column.index) &&
      !NOT_A_VALUE.test((column.headerParts.at(-1) ?? '').trim().toLowerCase()),
  );
  const titleText = table.titleLines.join(' ');
  const variables = new Map<string, LocalizedText>();
  let valueColumns: ValueColumnMapping[] = candidates.map((column) => {
    const described = describeValueColumn(column.headerParts, titleText, projectDimensions);
    variables.set(described.variable.id, described.variable.name);
    return { column: column.index, variable: described.variable.id, dimensions: described.dimensions };
  });
  // One column per variable and dimensions: a second "Bevölkerung" column (e.g. another date in the same
  // sheet) gets its own variable from its label, or commit would refuse the duplicate observations.
  const seen = new Set<string>();
  valueColumns = valueColumns.map((entry) => {
    const signature = `${entry.variable}|${JSON.stringify(Object.entries(entry.dimensions).sort())}`;
    if (!seen.has(signature)) {
      seen.add(signature);
      return entry;
    }
    const column = table.columns[entry.column]!;
    let id = slug(column.label);
    while (seen.has(`${id}|${JSON.stringify(Object.entries(entry.dimensions).sort())}`)) id = `${id}_${entry.column + 1}`;
    seen.add(`${id}|${JSON.stringify(Object.entries(entry.dimensions).sort())}`);
    variables.set(id, { de: column.label, en: column.label });
    return { ...entry, variable: id };
  });
  valueColumns = partsOrTotal(valueColumns, table);
  valueColumns = movementsOfTheStock(valueColumns, table, variables);
  const headerPeriod = candidates.map((column) => column.period).find((period) => period !== null) ?? null;
  const fileDate = /(\d{4})-(\d{2})-(\d{2})/.exec(fileName);
  const period = dateColumn ? null : (headerPeriod ?? table.titlePeriod ?? (fileDate ? `${fileDate[1]}-${fileDate[2]}-${fileDate[3]}` : null));
  const dimensionColumns = proposeBreakdownColumns(table, projectDimensions, dateColumn?.index ?? null);
  return {
    mapping: {
      layout: dimensionColumns.length > 0 ? 'long' : 'wide',
      keyColumn: table.keyColumn,
      nameColumn: table.nameColumn,
      periodColumn: dateColumn?.index ?? null,
      period,
      valueColumns,
      dimensionColumns,
    },
    variables,
  };
}

/**
 * Of a variable's columns, those that do not count anyone twice: a wide table of sex × age (GENESIS
 * 12411-02-03-5-B) has the cells, the totals over sex, over age and over both side by side. The finest
 * cells are kept where they reproduce the table's grand total in every row that gives it; else the total
 * alone: the AsylbLG export's sub-columns do not add up, and a part kept secret („.“) beside a published
 * total would turn the area's sum into a gap. Totals over one dimension between the two (sex "Insgesamt"
 * per age group) are never kept beside the cells.
 */
function partsOrTotal(columns: readonly ValueColumnMapping[], table: ParsedTable): ValueColumnMapping[] {
  const size = (entry: ValueColumnMapping) => Object.keys(entry.dimensions).length;
  const byVariable = new Map<string, ValueColumnMapping[]>();
  for (const entry of columns) byVariable.set(entry.variable, [...(byVariable.get(entry.variable) ?? []), entry]);
  const kept = new Set<ValueColumnMapping>();
  for (const group of byVariable.values()) {
    const finestSize = Math.max(...group.map(size));
    const finest = group.filter((entry) => size(entry) === finestSize);
    const total = group.find((entry) => size(entry) === 0);
    if (!total || finestSize === 0) {
      for (const entry of finestSize === 0 ? group : finest) kept.add(entry);
      continue;
    }
    const addsUp = table.rows.every((row) => {
      const whole = row.values[total.column]?.value;
      const parts = finest.map((entry) => row.values[entry.column]?.value);
      if (whole === null || whole === undefined) return true;
      if (parts.some((part) => part === null || part === undefined)) return false;
      return Math.abs(parts.reduce<number>((sum, part) => sum + (part ?? 0), 0) - whole) <= 0.5;
    });
    for (const entry of addsUp ? finest : [total]) kept.add(entry);
  }
  return columns.filter((entry) => kept.has(entry));
}


/**
 * Arrivals, departures, births and deaths beside one stock in the same table ("Schutzsuchende | Zugänge |
 * Abgänge") are that stock's movements: they get the ids by which the balance (Bilanz) finds them
 * (refugee_arrivals, refugee_departures, see shared/movement/accountVariables.ts) and keep their labels as
 * names. Only where that is unambiguous: one stock beside them (the land area aside), no rates ("Zuzüge je
 * 1.000 Einwohner"), and one column per movement and breakdown ("Zuzüge insgesamt" beside "Zuzüge aus dem
 * Ausland" would become one variable twice). Otherwise the columns keep their own ids; the wizard lets the
 * planner say.
 */
function movementsOfTheStock(valueColumns: ValueColumnMapping[], table: ParsedTable, variables: Map<string, LocalizedText>): ValueColumnMapping[] {
  const headerOf = (entry: ValueColumnMapping) => (table.columns[entry.column]?.headerParts ?? []).map((part) => part.trim().toLowerCase());
  const isRate = (entry: ValueColumnMapping) => namesRate(headerOf(entry).join(' '));
  const termOf = (entry: ValueColumnMapping): FlowTerm | null =>
    isRate(entry) ? null : (headerOf(entry).map(movementTermOfWords).find((term) => term !== null) ?? null);
  const stocks = [...new Set(valueColumns.filter((entry) => termOf(entry) === null && !isRate(entry) && entry.variable !== OFFICIAL_AREA_VARIABLE).map((entry) => entry.variable))];
  if (stocks.length !== 1) return valueColumns;
  const movements = valueColumns.filter((entry) => termOf(entry) !== null);
  const signatures = movements.map((entry) => `${termOf(entry)}|${JSON.stringify(Object.entries(entry.dimensions).sort())}`);
  if (new Set(signatures).size !== signatures.length) return valueColumns;
  const replaced = new Set<string>();
  const renamed = valueColumns.map((entry) => {
    const term = termOf(entry);
    if (term === null) return entry;
    const id = movementVariableId(stocks[0]!, term);
    if (!variables.has(id)) variables.set(id, variables.get(entry.variable) ?? { de: id, en: id });
    replaced.add(entry.variable);
    return { ...entry, variable: id };
  });
  for (const id of replaced) if (!renamed.some((entry) => entry.variable === id)) variables.delete(id);
  return renamed;
}

/** What a new variable counts: its unit, and for fractions the decimals its values are written with. */
export interface NewVariableUnit {
  unit: string;
  decimals?: number;
  /** The column's heading names a share, rate or mean: its values do not add up over areas. */
  rate?: true;
}

/**
 * The unit of a whole-number column by its name: places and positions are counted as what they are (a
 * planner's "Kita-Plätze" were proposed as "Personen"); anything else counts persons.
 * @example countUnitOf('kita_plaetze') // "Plätze"
 */
function countUnitOf(variable: string): string {
  if (/pl(ae|ä)tze($|_)/.test(variable)) return 'Plätze';
  if (/(^|_)stellen($|_)/.test(variable)) return 'Stellen';
  return 'Personen';
}

/**
 * The unit a column's heading gives a share or rate: "%" for "Anteil in %", "Quote (Prozent)" or "v. H.",
 * "‰" for Promille; no unit for other rates and means ("Jugendquotient", "Einwohner je Haushalt",
 * "Durchschnittsalter"), which are no count either; null for a heading that names no rate.
 * @example rateUnitOfHeading('Ausländeranteil in %') // "%"
 */
function rateUnitOfHeading(heading: string): string | null {
  // Without its dates: "Einwohner per 31.12.2023" counts persons.
  const words = withoutDates(heading);
  if (/%|prozent|percent|\bv\.\s?h\./i.test(words)) return '%';
  if (/‰|promille/i.test(words)) return '‰';
  return namesRate(words) ? '' : null;
}

/**
 * The unit proposed for each variable of the mapping when it is new: km² for the land area; a rate's unit
 * where the column's heading names one ("in %", "Quote", "je 1.000"), even for whole numbers (GENESIS heads
 * its Jugendquotient "Anzahl"); no unit for values with fractions (an area of 204,30 km² under another name,
 * a rate), which are no head count, with the decimals they are written with (at most 2); otherwise persons,
 * or places and positions where the column's name says so (countUnitOf). Read from every row of the table
 * (the wizard proposes it before any row is joined or a Stichtag given); the commit uses it where the
 * planner changed nothing.
 * @example proposeNewVariableUnits(kflTable, kflMapping).get("kfl") // { unit: "", decimals: 2 } for "102,81"
 */
export function proposeNewVariableUnits(table: ParsedTable, mapping: TableMapping): Map<string, NewVariableUnit> {
  const fractionDigits = new Map<string, number>();
  const headingUnits = new Map<string, string>();
  for (const { column, variable } of mapping.valueColumns) {
    const headingUnit = rateUnitOfHeading(table.columns[column]?.label ?? '');
    if (headingUnit !== null && !headingUnits.has(variable)) headingUnits.set(variable, headingUnit);
    for (const row of table.rows) {
      const value = row.values[column]?.value;
      if (value === null || value === undefined || Number.isInteger(value)) continue;
      const digits = Math.min(2, String(value).split('.')[1]?.length ?? 2);
      fractionDigits.set(variable, Math.max(fractionDigits.get(variable) ?? 0, digits));
    }
  }
  return new Map(
    mapping.valueColumns.map(({ variable }) => {
      const decimals = fractionDigits.get(variable);
      const headingUnit = variable === OFFICIAL_AREA_VARIABLE ? undefined : headingUnits.get(variable);
      const unit = variable === OFFICIAL_AREA_VARIABLE ? 'km²' : (headingUnit ?? (decimals !== undefined ? '' : countUnitOf(variable)));
      return [variable, { unit, ...(decimals !== undefined ? { decimals } : {}), ...(headingUnit !== undefined ? { rate: true as const } : {}) }];
    }),
  );
}

/** At most this many distinct texts make a column a breakdown (more is a list of names, not categories). */
const MAXIMUM_BREAKDOWN_VALUES = 60;

/**
 * Text columns of a long table that break the values down (sex, age group, status, nationality): named so
 * in the header, or holding texts that read as such values. Each with a value map for the project's
 * dimension values ("Insgesamt" as total).
 * @example proposeBreakdownColumns(longTable, demoDimensions, null) // [{ column: 2, dimension: 'sex', values: { männlich: 'm', weiblich: 'f', Insgesamt: '*' } }]
 */
export function proposeBreakdownColumns(table: ParsedTable, projectDimensions: readonly DimensionDefinition[], periodColumn: number | null): TableMapping['dimensionColumns'] {
  const proposals: TableMapping['dimensionColumns'] = [];
  for (const column of table.columns) {
    if (column.kind !== 'text' || column.index === table.keyColumn || column.index === table.nameColumn || column.index === periodColumn) continue;
    const texts = new Set(table.rows.map((row) => (row.cells[column.index] ?? '').trim()).filter((text) => text !== ''));
    if (texts.size === 0 || texts.size > MAXIMUM_BREAKDOWN_VALUES) continue;
    const named = dimensionOfHeader(column.label);
    const candidates = named ? [named] : ['sex', 'status', 'age', 'nationality'];
    for (const dimensionId of candidates) {
      const dimension = projectDimensions.find((candidate) => candidate.id === dimensionId);
      const recognised = [...texts].filter((text) => proposeDimensionValue(text, dimension, dimensionId) !== null).length;
      // A named column is taken as it is; an unnamed one only when most of its texts read as such values.
      if (named || recognised >= Math.max(2, texts.size * 0.8)) {
        proposals.push({ column: column.index, dimension: dimensionId, values: proposeValueMap(texts, dimension, dimensionId) });
        break;
      }
    }
  }
  return proposals;
}

/** A total row ("Insgesamt") of a breakdown, checked against the sum of its parts. */
export interface BreakdownTotalCheck {
  areaKey: string;
  variable: string;
  period: string;
  dimension: string;
  total: number;
  sumOfParts: number;
}

export interface TableObservations {
  observations: Observation[];
  /**
   * Total rows of breakdown columns that have their parts in the table: left out (the parts are written)
   * and checked. A total without parts is written as the value for the whole (that dimension absent).
   */
  breakdownTotals: BreakdownTotalCheck[];
  /** Cells with an official missing code, written as missing values (never 0). */
  missingCount: number;
  /** Cells that were neither a number nor a missing code (left out, listed for the report). */
  unreadableCells: { lineNumber: number; column: number; text: string }[];
  periods: string[];
  /** Dimension id → value ids seen. */
  dimensionValues: Map<string, Set<string>>;
}

/**
 * Builds observations for the rows matched to areas. Empty cells give no observation; missing codes give
 * `value: null` with the code; a row without a period when the mapping has none is an error the caller
 * turns into a message (it is reported as `periodMissing`).
 * @example buildTableObservations(table, mapping, new Map([[0, '03241001']]), 'genesis', 'counted').observations.length
 */
export function buildTableObservations(
  table: ParsedTable,
  mapping: TableMapping,
  areaByRow: ReadonlyMap<number, string>,
  sourceId: string,
  quality: QualityFlag,
  periodOverride?: string | null,
): TableObservations & { periodMissing: boolean } {
  const observations: Observation[] = [];
  const unreadableCells: TableObservations['unreadableCells'] = [];
  const periods = new Set<string>();
  const dimensionValues = new Map<string, Set<string>>();
  const totalRows: { observation: Observation; totalOf: string[] }[] = [];
  let missingCount = 0;
  let periodMissing = false;
  for (const [rowIndex, areaKey] of areaByRow) {
    const row = table.rows[rowIndex];
    if (!row) continue;
    const period = periodOverride ?? (mapping.periodColumn !== null && mapping.periodColumn !== undefined ? periodFromCell(row.cells[mapping.periodColumn] ?? '') : null) ?? mapping.period ?? null;
    if (!period) {
      periodMissing = true;
      continue;
    }
    periods.add(period);
    const rowDimensions: Record<string, string> = {};
    const totalOf: string[] = [];
    for (const { column, dimension, values } of mapping.dimensionColumns) {
      const text = (row.cells[column] ?? '').trim();
      if (text === '') continue;
      const value = values?.[text] ?? text;
      if (value === TOTAL_VALUE) totalOf.push(dimension);
      else rowDimensions[dimension] = value;
    }
    for (const entry of mapping.valueColumns) {
      const cell = row.values[entry.column];
      if (!cell || cell.raw.trim() === '') continue;
      if (cell.value === null && cell.missing === null) {
        unreadableCells.push({ lineNumber: row.lineNumber, column: entry.column, text: cell.raw });
        continue;
      }
      const dimensions: Dimensions = { ...entry.dimensions, ...rowDimensions };
      for (const [dimension, value] of Object.entries(dimensions)) {
        const seen = dimensionValues.get(dimension) ?? new Set<string>();
        seen.add(value);
        dimensionValues.set(dimension, seen);
      }
      const missing: MissingCode | null = cell.value === null ? cell.missing : null;
      if (missing) missingCount += 1;
      const built: Observation = { areaKey, variable: entry.variable, dimensions, period, value: cell.value, missing, sourceId, quality };
      if (totalOf.length > 0) totalRows.push({ observation: built, totalOf });
      else observations.push(built);
    }
  }
  const breakdownTotals = resolveTotalRows(observations, totalRows);
  return { observations, breakdownTotals, missingCount, unreadableCells, periods: [...periods].sort(), dimensionValues, periodMissing };
}

/**
 * Total rows ("Insgesamt" in a breakdown column): where the parts of the same area, variable, Stichtag and
 * other breakdowns are in the table, the total is left out and checked against their sum (adding it would
 * count everybody twice); without parts it is kept as the value for the whole. Adds kept totals to
 * `observations`.
 */
function resolveTotalRows(observations: Observation[], totalRows: readonly { observation: Observation; totalOf: readonly string[] }[]): BreakdownTotalCheck[] {
  const checks: BreakdownTotalCheck[] = [];
  const cellOf = (observation: Observation) => `${observation.areaKey}\u0000${observation.variable}\u0000${observation.period}`;
  const byCell = new Map<string, Observation[]>();
  for (const observation of observations) {
    const list = byCell.get(cellOf(observation));
    if (list) list.push(observation);
    else byCell.set(cellOf(observation), [observation]);
  }
  for (const { observation, totalOf } of totalRows) {
    const parts = (byCell.get(cellOf(observation)) ?? []).filter(
      (candidate) =>
        totalOf.every((dimension) => candidate.dimensions[dimension] !== undefined) &&
        Object.entries(observation.dimensions).every(([dimension, value]) => candidate.dimensions[dimension] === value),
    );
    if (parts.length === 0) {
      observations.push(observation);
      continue;
    }
    if (observation.value === null) continue;
    const sumOfParts = parts.reduce((sum, part) => sum + (part.value ?? 0), 0);
    checks.push({ areaKey: observation.areaKey, variable: observation.variable, period: observation.period, dimension: totalOf.join('+'), total: observation.value, sumOfParts });
  }
  return checks;
}
