/**
 * How the account (Bilanz) names its terms: in the words of the data. A homelessness statistic counts
 * "Zugänge" and "Abgänge", a population register "Zuzüge" and "Fortzüge"; the balance heads its columns,
 * writes its equation and names each term's source with the word the flow variable's name starts with, and
 * falls back to the catalogue's word ("Zuzüge") where the name says nothing recognisable. One function for
 * the screen, the figure, CSV/XLSX and the CLI.
 */
import type { LocalizedText } from '../model/project';
import { formatDate, type Locale } from '../format/number';
import { localized, translate } from '../i18n/translate';
import { FLOW_TERM_SIGN, FLOW_TERMS, type AccountVariables, type FlowTerm } from './accountVariables';

/**
 * Words that name a movement at the start of a column header or a variable name, and the term each is.
 * Also read by the table import (shared/fileFormats/table/tableMapping.ts) to recognise movement columns.
 */
export const MOVEMENT_WORDS: readonly (readonly [RegExp, FlowTerm])[] = [
  [/^(zuz(ü|ue)ge|zug(ä|ae)nge|zuwanderung)/i, 'inflow'],
  [/^(fortz(ü|ue)ge|wegz(ü|ue)ge|abg(ä|ae)nge|abwanderung)/i, 'outflow'],
  [/^(lebendgeborene|geborene|geburten)/i, 'births'],
  [/^(gestorbene|sterbef(ä|ae)lle)/i, 'deaths'],
];

// The same for English names (a planner's own translation, or an English table).
const ENGLISH_MOVEMENT_WORDS: readonly (readonly [RegExp, FlowTerm])[] = [
  [/^(arrivals|in-?migration|inflows?)\b/i, 'inflow'],
  [/^(departures|out-?migration|outflows?)\b/i, 'outflow'],
  [/^(live births|births)\b/i, 'births'],
  [/^deaths\b/i, 'deaths'],
];

/** The term a header or name stands for by its first word; null for none. */
export function movementTermOfWords(text: string): FlowTerm | null {
  const trimmed = text.trim();
  return [...MOVEMENT_WORDS, ...ENGLISH_MOVEMENT_WORDS].find(([pattern]) => pattern.test(trimmed))?.[1] ?? null;
}

/**
 * A term's word without its sign: the first word of the flow variable's name where that word names this
 * term, else the catalogue's.
 * @example accountTermWord('inflow', { de: 'Zugänge Schutzsuchender', en: 'Arrivals of persons seeking protection' }, 'de') // 'Zugänge'
 * @example accountTermWord('inflow', { de: 'Wanderungssaldo', en: 'Net migration' }, 'de') // 'Zuzüge'
 */
export function accountTermWord(term: FlowTerm, variableName: LocalizedText | undefined, locale: Locale): string {
  const name = variableName ? localized(variableName, locale).trim() : '';
  // The words that matched ("Live births", "Zugänge"), not only the first word ("Live").
  const matched = [...MOVEMENT_WORDS, ...ENGLISH_MOVEMENT_WORDS].find(([pattern, candidate]) => candidate === term && pattern.test(name));
  const words = matched ? /^[\p{L}-]+(?: births)?/iu.exec(name)?.[0] : undefined;
  if (words !== undefined) return words.charAt(0).toUpperCase() + words.slice(1);
  return translate(locale, `movement.balance.${term}`).replace(/^[+−]\s*/, '');
}

export interface AccountLabelSource {
  variables: AccountVariables;
  variableNames: Record<string, LocalizedText>;
}

/** The terms the account has, in the order they are shown. */
export function accountTerms(account: Pick<AccountLabelSource, 'variables'>): FlowTerm[] {
  return FLOW_TERMS.filter((term) => account.variables.flows[term] !== undefined);
}

/**
 * Column heading of a term, with its sign: "+ Zugänge", "− Abgänge".
 * @example accountTermHeading(balance, 'outflow', 'de') // '− Abgänge' for the demo's "Abgänge Schutzsuchender"
 */
export function accountTermHeading(account: AccountLabelSource, term: FlowTerm, locale: Locale): string {
  const flow = account.variables.flows[term];
  const word = accountTermWord(term, flow === undefined ? undefined : account.variableNames[flow], locale);
  return `${FLOW_TERM_SIGN[term] > 0 ? '+' : '−'} ${word}`;
}

/**
 * The account as an equation in the data's words, over the terms it has.
 * @example accountEquation(balance, 'de') // 'Bestand am Anfang + Zugänge − Abgänge = Bestand am Ende'
 */
export function accountEquation(account: AccountLabelSource, locale: Locale): string {
  return [translate(locale, 'movement.balance.stockStart'), ...accountTerms(account).map((term) => accountTermHeading(account, term, locale)), translate(locale, 'movement.balance.stockEnd')].join(' ');
}

/** The note under every account: the equation, and where the rest stands. */
export function accountNote(account: AccountLabelSource, locale: Locale): string {
  return translate(locale, 'movement.balance.note', { equation: accountEquation(account, locale) });
}

/**
 * What to say when a chosen period ("Bilanz aller Gebiete", `--period`) ends on no Stichtag of the account;
 * null when it does. One text for the app and the CLI.
 * @example unknownAccountPeriodText(['2016-12-31', '2017-12-31'], '2017-06-30')?.de // 'Zum 30.06.2017 endet kein Zeitraum der Bilanz. Möglich: 31.12.2016, 31.12.2017.'
 */
export function unknownAccountPeriodText(periods: readonly string[], period: string): LocalizedText | null {
  if (periods.includes(period)) return null;
  const known = (locale: Locale) => periods.map((candidate) => formatDate(candidate, locale)).join(', ');
  return {
    de: `Zum ${formatDate(period, 'de')} endet kein Zeitraum der Bilanz. Möglich: ${known('de')}.`,
    en: `No period of the balance ends on ${formatDate(period, 'en')}. Possible: ${known('en')}.`,
  };
}
