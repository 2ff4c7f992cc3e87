// The account names its terms in the data's words: a homelessness statistic's "Zugänge" are not relabelled
// "Zuzüge" in the balance's headings, equation, source lines and files.
import { describe, expect, it } from 'vitest';
import { accountEquation, accountNote, accountTermHeading, accountTermWord, movementTermOfWords } from '../../../shared/movement/accountLabels';

const demo = {
  variables: { stock: 'refugees', flows: { inflow: 'refugee_arrivals', outflow: 'refugee_departures' } },
  variableNames: {
    refugees: { de: 'Schutzsuchende', en: 'Persons seeking protection' },
    refugee_arrivals: { de: 'Zugänge Schutzsuchender', en: 'Arrivals of persons seeking protection' },
    refugee_departures: { de: 'Abgänge Schutzsuchender', en: 'Departures of persons seeking protection' },
  },
};

describe('the words of a term', () => {
  it('takes the first word of the flow variable where it names that term', () => {
    expect(accountTermWord('inflow', demo.variableNames.refugee_arrivals, 'de')).toBe('Zugänge');
    expect(accountTermWord('outflow', { de: 'fortzüge über die Gemeindegrenze', en: 'x' }, 'de')).toBe('Fortzüge');
    expect(accountTermWord('inflow', demo.variableNames.refugee_arrivals, 'en')).toBe('Arrivals');
    expect(accountTermWord('births', { de: 'Lebendgeborene', en: 'Live births in the district' }, 'en')).toBe('Live births');
  });

  it("falls back to the catalogue's word where the name says something else, or names another term", () => {
    expect(accountTermWord('inflow', { de: 'Wanderungssaldo', en: 'Net migration' }, 'de')).toBe('Zuzüge');
    // "Abgänge" named as the inflow (a planner's choice in the wizard): the heading does not contradict the sign.
    expect(accountTermWord('inflow', { de: 'Abgänge', en: 'Departures' }, 'de')).toBe('Zuzüge');
    expect(accountTermWord('deaths', undefined, 'en')).toBe('Deaths');
    expect(accountTermWord('internalIn', { de: 'Zuzüge innerhalb der Region', en: 'x' }, 'de')).toBe('Umzüge in der Region (zu)');
  });

  it('recognises the same words the table import does, German and English', () => {
    expect(movementTermOfWords('Lebendgeborene')).toBe('births');
    expect(movementTermOfWords('Sterbefälle 2023')).toBe('deaths');
    expect(movementTermOfWords('Departures')).toBe('outflow');
    expect(movementTermOfWords('Zugangsquote')).toBeNull();
    expect(movementTermOfWords('Arrivalsrate')).toBeNull();
  });
});

describe('headings and the equation', () => {
  it('sign the terms and write the equation over the terms the account has', () => {
    expect(accountTermHeading(demo, 'outflow', 'de')).toBe('− Abgänge');
    expect(accountEquation(demo, 'de')).toBe('Bestand am Anfang + Zugänge − Abgänge = Bestand am Ende');
    const withNatural = { variables: { stock: 'population', flows: { ...demo.variables.flows, births: 'population_births', deaths: 'population_deaths' } }, variableNames: {} };
    expect(accountEquation(withNatural, 'en')).toBe('Stock at start + Arrivals − Departures + Births − Deaths = Stock at end');
    expect(accountNote(demo, 'de')).toMatch(/^Bestand am Anfang \+ Zugänge − Abgänge = Bestand am Ende; was die Daten nicht erklären/);
  });
});

describe('the movement charts beside the balance', () => {
  it('call arrivals and departures what their variables call them', async () => {
    const { movementIndicator, movementIndicatorOf } = await import('../../../shared/movement/movementIndicators');
    const flows = { inflow: demo.variableNames.refugee_arrivals, outflow: demo.variableNames.refugee_departures };
    expect(movementIndicatorOf(movementIndicator('movement.arrivals_per_1000')!, demo.variableNames.refugees, flows).name).toEqual({
      de: 'Zugänge je 1.000 Einw. – Schutzsuchende',
      en: 'Arrivals per 1,000 inhabitants – Persons seeking protection',
    });
    expect(movementIndicatorOf(movementIndicator('movement.departures')!, demo.variableNames.refugees, flows).name.de).toBe('Abgänge – Schutzsuchende');
    // Without names, and for the measures of both: the catalogue's words.
    expect(movementIndicatorOf(movementIndicator('movement.arrivals')!, demo.variableNames.refugees).name.de).toBe('Zuzüge – Schutzsuchende');
    // Net and turnover in the same words ("Wanderungssaldo" is a word for migration), the catalogue's where the variables use it.
    expect(movementIndicatorOf(movementIndicator('movement.net')!, demo.variableNames.refugees, flows).name.de).toBe('Saldo (Zugänge − Abgänge) – Schutzsuchende');
    expect(movementIndicatorOf(movementIndicator('movement.turnover_per_1000')!, demo.variableNames.refugees, flows).name.en).toBe('Turnover (arrivals and departures) per 1,000 inhabitants – Persons seeking protection');
    expect(movementIndicatorOf(movementIndicator('movement.net')!, demo.variableNames.refugees).name.de).toBe('Wanderungssaldo – Schutzsuchende');
  });
});
