/**
 * Breakdown columns of long statistical tables (GENESIS long layout: "Stichtag; Gemeinde; Geschlecht;
 * Altersgruppe; Schutzstatus; Anzahl"): which dimension a column is, and which of the project's dimension
 * values each cell text stands for — proposed for the labels German statistics use ("männlich",
 * "unter 3 Jahre", "65 Jahre und mehr", "Aufenthaltsgestattung", "Türkei") and editable by the planner.
 * "Insgesamt" rows are totals: kept apart and checked, never added to their parts. Pure.
 */
import type { DimensionDefinition } from '../../model/project';
import { slug } from './tableMapping';
import { translate } from '../../i18n/translate';

/** The marker of a total row ("Insgesamt", "zusammen") in a value map. */
export const TOTAL_VALUE = '*';

const TOTAL_TEXT = /^(insgesamt|zusammen|gesamt|total|alle|summe|alle altersgruppen|alle staatsangehörigkeiten|insgesamt \(.*\))$/i;
const SEX: Record<string, string> = { männlich: 'm', maennlich: 'm', mann: 'm', männer: 'm', m: 'm', weiblich: 'f', frau: 'f', frauen: 'f', w: 'f', f: 'f' };
const STATUS: [RegExp, string][] = [
  [/gestattung|im verfahren|asylverfahren|asylsuchend|asylbewerber/i, 'pending'],
  [/duldung|geduldet/i, 'tolerated'],
  [/anerkannt|schutzstatus|schutzberechtigt|aufenthaltserlaubnis|flüchtlingseigenschaft|subsidiär|§ ?24|humanitär/i, 'granted'],
];

/** Column header words that name a known dimension. */
const DIMENSION_HEADERS: [RegExp, string][] = [
  [/geschlecht|sex/i, 'sex'],
  [/alter/i, 'age'],
  [/schutzstatus|aufenthaltsstatus|status|aufenthaltstitel/i, 'status'],
  [/staatsangeh|nationalit|herkunft/i, 'nationality'],
];

/**
 * The dimension a column header names, or null.
 * @example dimensionOfHeader('Altersgruppen (unter 3 bis 75 u. m.)') // "age"
 */
export function dimensionOfHeader(header: string): string | null {
  for (const [pattern, dimension] of DIMENSION_HEADERS) if (pattern.test(header)) return dimension;
  return null;
}

/**
 * An age label as a range of whole years [from, to] (to = null: open), or null.
 * @example ageRangeOf('unter 3 Jahre') // [0, 2]
 * @example ageRangeOf('3 bis unter 6 Jahre') // [3, 5]
 * @example ageRangeOf('65 Jahre und mehr') // [65, null]
 * @example ageRangeOf('25-44') // [25, 44]
 */
export function ageRangeOf(label: string): [number, number | null] | null {
  const text = label.toLowerCase().replace(/\s+/g, ' ').trim();
  let match = /^unter (\d+)/.exec(text);
  if (match) return [0, Number(match[1]) - 1];
  match = /^(\d+) bis unter (\d+)/.exec(text);
  if (match) return [Number(match[1]), Number(match[2]) - 1];
  match = /^(\d+) (jahre )?(und (mehr|älter|aelter)|u\. ?m\.|\+)/.exec(text) ?? /^(\d+)\+$/.exec(text);
  if (match) return [Number(match[1]), null];
  match = /^(\d+) ?(?:-|–|bis) ?(\d+)( jahre)?$/.exec(text);
  if (match) return [Number(match[1]), Number(match[2])];
  return null;
}

/**
 * The project's value id a cell text stands for in `dimension`, TOTAL_VALUE for a total, or null when
 * nothing fits (the text then becomes a new value, named by it).
 * @example proposeDimensionValue('weiblich', sexDimension) // "f"
 * @example proposeDimensionValue('unter 3 Jahre', ageDimension) // "0-2"
 * @example proposeDimensionValue('Insgesamt', ageDimension) // "*"
 */
export function proposeDimensionValue(text: string, dimension: DimensionDefinition | undefined, dimensionId: string): string | null {
  const trimmed = text.trim();
  if (TOTAL_TEXT.test(trimmed)) return TOTAL_VALUE;
  const lower = trimmed.toLowerCase();
  const values = dimension?.values ?? [];
  const byName = values.find((value) => value.id.toLowerCase() === lower || value.name.de.toLowerCase() === lower || value.name.en.toLowerCase() === lower);
  if (byName) return byName.id;
  if (dimensionId === 'sex' && SEX[lower]) return SEX[lower] as string;
  if (dimensionId === 'status') for (const [pattern, id] of STATUS) if (pattern.test(trimmed)) return id;
  if (dimensionId === 'age') {
    const range = ageRangeOf(trimmed);
    if (range) {
      const same = values.find((value) => {
        const own = ageRangeOf(value.id) ?? ageRangeOf(value.name.de);
        return own !== null && own[0] === range[0] && own[1] === range[1];
      });
      if (same) return same.id;
      return range[1] === null ? `${range[0]}+` : `${range[0]}-${range[1]}`;
    }
  }
  if (dimensionId === 'nationality') {
    const country = values.find((value) => value.name.de.toLowerCase().startsWith(lower) || lower.startsWith(value.name.de.toLowerCase()));
    if (country) return country.id;
  }
  return null;
}

export interface DimensionColumnProposal {
  column: number;
  dimension: string;
  /** Cell text → value id (TOTAL_VALUE for totals); texts mapped to null become new values named by the text. */
  values: Record<string, string>;
}

/**
 * Value maps for breakdown columns: every distinct cell text mapped to a project value, a total, or a new
 * value (its slug).
 * @example proposeValueMap(['männlich', 'weiblich', 'Insgesamt'], sexDimension, 'sex') // { männlich: 'm', weiblich: 'f', Insgesamt: '*' }
 */
export function proposeValueMap(texts: Iterable<string>, dimension: DimensionDefinition | undefined, dimensionId: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const text of texts) {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed in map) continue;
    map[trimmed] = proposeDimensionValue(trimmed, dimension, dimensionId) ?? slug(trimmed);
  }
  return map;
}

/**
 * A breakdown as planners read it: each dimension and value by the project's names, in the project's order
 * of dimensions ("Geschlecht: männlich · Alter: unter 3 Jahre"); a total as "insgesamt"; an id the project
 * does not know yet (a new value) as it is. Empty for no breakdown.
 * @example dimensionsText({ sex: 'm', age: '0-2' }, demoDimensions, 'de') // "Geschlecht: männlich · Altersgruppe: unter 3 Jahre"
 */
export function dimensionsText(dimensions: Record<string, string>, definitions: readonly Pick<DimensionDefinition, 'id' | 'name' | 'values'>[], locale: 'de' | 'en'): string {
  const order = (id: string) => {
    const index = definitions.findIndex((definition) => definition.id === id);
    return index === -1 ? definitions.length : index;
  };
  return Object.entries(dimensions)
    .sort(([a], [b]) => order(a) - order(b))
    .map(([id, value]) => {
      const definition = definitions.find((candidate) => candidate.id === id);
      const valueName = value === TOTAL_VALUE ? translate(locale, 'import.dimensionTotal') : (definition?.values.find((candidate) => candidate.id === value)?.name[locale] ?? value);
      return `${definition?.name[locale] ?? id}: ${valueName}`;
    })
    .join(' · ');
}
