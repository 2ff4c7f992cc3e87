// The Eisenach figures are those of the Regionalstatistik table 12411-01-01-4 (31.12.2018: Eisenach 42.370,
// Wartburgkreis 123.025; 31.12.2021: Eisenach "-", Wartburgkreis 158.900); the others are made up to sit
// on each side of the rule's bounds.
import { describe, expect, it } from 'vitest';
import { deriveIndicatorValues } from '../../../shared/indicators/deriveIndicatorValues';
import { isWithheldValue, joinedNotes, mergerScopes, territoryChange, territoryChangeNotes, territoryNotesAlong, type EndValues } from '../../../shared/indicators/territoryChange';
import type { Observation } from '../../../shared/model/project';
import { populationCount } from '../../helpers/indicatorDefinitions';

const periods = { before: '2018-12-31', after: '2021-12-31' };
const eisenach: EndValues = { key: '16056', name: 'Eisenach', before: 42370, after: null };
const wartburg: EndValues = { key: '16063', name: 'Wartburgkreis', before: 123025, after: 158900 };
const gotha: EndValues = { key: '16067', name: 'Gotha', before: 135452, after: 133803 };
/** Twenty Kreise with an ordinary development (−2 % to +1,8 %), as the rest of a layer. */
const ordinary: EndValues[] = Array.from({ length: 20 }, (_, index) => ({ key: `k${index}`, name: `Kreis ${index}`, before: 80000 + index * 5000, after: Math.round((80000 + index * 5000) * (0.98 + index * 0.002)) }));

describe('territoryChange', () => {
  it('finds the area that took in a vanished one by its jump, and names both with their figures', () => {
    const change = territoryChange([eisenach, wartburg, gotha, ...ordinary], periods, true);
    expect(change?.oneEnded).toEqual([{ key: '16056', name: 'Eisenach', value: 42370, at: 'before' }]);
    expect(change?.absorbed).toEqual([{ key: '16063', name: 'Wartburgkreis', before: 123025, after: 158900, from: { key: '16056', name: 'Eisenach', value: 42370 } }]);
    const notes = territoryChangeNotes(change!, 0);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.keys).toEqual(['16056', '16063']);
    // 158.900 − 123.025 = 35.875; 35.875 / 123.025 = 29,16 %
    expect(notes[0]?.note.de).toBe('Eisenach hat zum 31.12.2021 keinen Wert mehr (31.12.2018:\u00a042.370), Wartburgkreis wuchs um 35.875 (+29,2\u00a0%): vermutlich wurde Eisenach dort eingegliedert. Der Sprung wäre dann eine Gebietsänderung, keine Entwicklung.');
    expect(notes[0]?.note.en).toBe('Eisenach has no value at 31/12/2021 (31/12/2018:\u00a042,370), while Wartburgkreis grew by 35,875 (+29.2%): Eisenach was probably merged into it. The jump would then reflect a boundary change, not a real development.');
  });

  it('takes no ordinary growth for a merger: too small a jump for its own size, or too far from what vanished', () => {
    // Berlin: +40.000 is near Eisenach's 42.370 but 1 % of its own 3,6 million.
    const berlin: EndValues = { key: '11000', name: 'Berlin', before: 3644826, after: 3684826 };
    // 20.000 is less than 60 % of 42.370 (25.422); 60.000 more than 130 % (55.081).
    const small: EndValues = { key: 'a', name: 'Klein', before: 100000, after: 120000 };
    const large: EndValues = { key: 'b', name: 'Groß', before: 100000, after: 160000 };
    const change = territoryChange([eisenach, berlin, small, large, ...ordinary], periods, true);
    expect(change?.absorbed).toEqual([]);
    expect(joinedNotes(territoryChangeNotes(change!, 0))?.de).toBe(
      'Wert nur an einem der Stichtage 31.12.2018 und 31.12.2021: Eisenach (31.12.2018). Hat sich der Gebietsstand geändert (Eingliederung, Fusion), sind Sprünge benachbarter Gebiete keine Entwicklung.',
    );
  });

  it('names no successor for a small count gone, nor where two areas fit: chance, not a finding', () => {
    // A municipality's 8 refugees become „-“ while another's 5 become 11 (+6: 75 % of 8, +120 % of its own).
    const gone: EndValues = { key: 'g', name: 'Kleindorf', before: 8, after: null };
    const grew: EndValues = { key: 'h', name: 'Nachbarort', before: 5, after: 11 };
    expect(territoryChange([gone, grew, ...ordinary], periods, true)?.absorbed).toEqual([]);
    // Two Kreise each grew by about Eisenach's count: which one took it in is a guess.
    const twin: EndValues = { ...wartburg, key: '16070', name: 'Zwilling', before: 120000, after: 160000 };
    expect(territoryChange([eisenach, wartburg, twin, ...ordinary], periods, true)?.absorbed).toEqual([]);
  });

  it('a successor is sought within the vanished area\'s Kreis (for a Kreis: its Land), not across Germany', () => {
    // GV-ISys 31.12.2019 against Zensus 15.05.2022 on VG5000 2021: Langelsheim (03153007) joined a new
    // Langelsheim (03153019) in 2021, which the layer of 01.01.2021 does not hold; Pforzheim's +7.153
    // (63 % of Langelsheim's 11.285, +5,7 % of its own) was taken for its successor.
    const langelsheim: EndValues = { key: '03153007', name: 'Langelsheim', before: 11285, after: null };
    const pforzheim: EndValues = { key: '08231000', name: 'Pforzheim', before: 125542, after: 132695 };
    const gemeinden = ordinary.map((value, index) => ({ ...value, key: `03153${String(100 + index)}` }));
    const forest: EndValues = { key: '03153501', name: 'Harz, gemfr. Gebiet', before: 12, after: null };
    const far = territoryChange([forest, langelsheim, pforzheim, ...gemeinden], periods, true);
    expect(far?.absorbed).toEqual([]);
    // Counts name the largest first, whatever the layer's order.
    expect(joinedNotes(territoryChangeNotes(far!, 0))?.de).toContain('Wert nur an einem der Stichtage 31.12.2018 und 31.12.2021: Langelsheim (31.12.2018), Harz, gemfr. Gebiet (31.12.2018).');
    // The same growth in Langelsheim's own Kreis (Goslar, 03153) is named.
    const goslar: EndValues = { key: '03153002', name: 'Bad Harzburg', before: 21000, after: 29500 };
    expect(territoryChange([langelsheim, pforzheim, goslar, ...gemeinden], periods, true)?.absorbed.map((area) => area.name)).toEqual(['Bad Harzburg']);
    expect([mergerScopes('03153007'), mergerScopes('032410001001'), mergerScopes('031535401'), mergerScopes('16056'), mergerScopes('Stadtteil 12')]).toEqual([
      ['03153'],
      ['03241'],
      ['03153'],
      ['16'],
      [],
    ]);
  });

  it('a municipality that joins one of another Kreis is named as an area at one end, not given a successor by chance', () => {
    // Searching its Land as well named Cappeln (Oldenburg) for Lutter am Barenberge (Goslar) on the real
    // files; a merger across a Kreis border (Thüringen 2019) is missed by name, never claimed falsely.
    const gone: EndValues = { key: '16073049', name: 'Lichte', before: 1700, after: null };
    const otherKreis: EndValues = { key: '16072015', name: 'Neuhaus am Rennweg', before: 5200, after: 6800 };
    const kreis = ordinary.map((value, index) => ({ ...value, key: `16073${String(100 + index)}` }));
    const change = territoryChange([gone, otherKreis, ...kreis], periods, true);
    expect(change?.absorbed).toEqual([]);
    expect(change?.oneEnded.map((area) => area.name)).toEqual(['Lichte']);
    const ownKreis: EndValues = { key: '16073120', name: 'Nachbargemeinde', before: 6000, after: 7600 };
    expect(territoryChange([gone, otherKreis, ownKreis, ...kreis], periods, true)?.absorbed.map((area) => area.name)).toEqual(['Nachbargemeinde']);
  });

  it('many areas at one end only are a source covering other areas, not a change of territory', () => {
    const covered = ordinary.map((value, index) => (index < 6 ? { ...value, after: null } : value));
    expect(territoryChange(covered, periods, true)).toBeNull();
  });

  it('rates are not matched by value; the areas at one end are named (more than three counted)', () => {
    const rates: EndValues[] = Array.from({ length: 30 }, (_, index) => ({ key: `r${index}`, name: `R${index}`, before: 12.5 + index / 10, after: 13 + index / 10 }));
    const gaps = rates.map((value, index) => (index < 4 ? { ...value, after: null } : index === 4 ? { ...value, before: null } : value));
    const change = territoryChange([...gaps, { key: 'F', name: 'F', before: 10, after: 22.5 }], periods, false);
    expect(change?.absorbed).toEqual([]);
    expect(territoryChangeNotes(change!, 1)[0]?.note.de).toBe(
      'Wert nur an einem der Stichtage 31.12.2018 und 31.12.2021: R0 (31.12.2018), R1 (31.12.2018), R2 (31.12.2018) und 2 weitere. Hat sich der Gebietsstand geändert (Eingliederung, Fusion), sind Sprünge benachbarter Gebiete keine Entwicklung.',
    );
  });

  it('a value withheld (secret „.“, suppressed, a rate without its denominator) says nothing of territory', () => {
    expect(territoryChange([{ ...eisenach, withheld: true }, wartburg, ...ordinary], periods, true)).toBeNull();
    expect(territoryChange([wartburg, gotha, ...ordinary], periods, true)).toBeNull();
    expect(isWithheldValue({ value: null, missingCode: '.', quality: null })).toBe(true);
    expect(isWithheldValue({ value: null, missingCode: null, quality: 'suppressed' })).toBe(true);
    // Counted (the numerator is there), only the denominator is 0 or „-“.
    expect(isWithheldValue({ value: null, numerator: 12, missingCode: '-', quality: 'counted' })).toBe(true);
    expect(isWithheldValue({ value: null, missingCode: '-', quality: null })).toBe(false);
    expect(isWithheldValue({ value: null, quality: null })).toBe(false);
  });

  it('along a series, each pair of neighbouring Stichtage is read on its own', () => {
    const rest = ordinary.map((value) => ({ key: value.key, name: value.name, value: value.before }));
    const at = (eisenachValue: number | null, wartburgValue: number) => [
      { key: '16056', name: 'Eisenach', value: eisenachValue },
      { key: '16063', name: 'Wartburgkreis', value: wartburgValue },
      ...rest,
    ];
    const notes = territoryNotesAlong(['2018-12-31', '2019-12-31', '2021-12-31', '2022-05-15'], [at(42370, 123025), at(42250, 122600), at(null, 158900), at(null, 158300)], true, 0);
    expect(notes.map((entry) => entry.note.de)).toEqual(['Eisenach hat zum 31.12.2021 keinen Wert mehr (31.12.2019:\u00a042.250), Wartburgkreis wuchs um 36.300 (+29,6\u00a0%): vermutlich wurde Eisenach dort eingegliedert. Der Sprung wäre dann eine Gebietsänderung, keine Entwicklung.']);
  });
});

describe('deriveIndicatorValues across a change of territory', () => {
  const population = populationCount;
  const observation = (areaKey: string, period: string, value: number | null, missing: Observation['missing'] = null): Observation => ({ areaKey, variable: 'population', dimensions: {}, period, value, missing, sourceId: 'regionalstatistik', quality: 'counted' });
  const areas = [{ key: '16056', name: 'Eisenach', areaKm2: 104 }, { key: '16063', name: 'Wartburgkreis', areaKm2: 1307 }, ...ordinary.map((value) => ({ key: value.key, name: value.name, areaKm2: 500 }))];
  const observations = [
    observation('16056', '2018-12-31', 42370),
    observation('16063', '2018-12-31', 123025),
    observation('16056', '2021-12-31', null, '-'),
    observation('16063', '2021-12-31', 158900),
    ...ordinary.flatMap((value) => [observation(value.key, '2018-12-31', value.before), observation(value.key, '2021-12-31', value.after)]),
  ];

  it('a change map notes it and flags the successor; the map of one Stichtag does not', () => {
    const change = deriveIndicatorValues({ indicator: population, areas, observations, mode: 'changePercent', period: '2021-12-31', comparePeriod: '2018-12-31' });
    expect(change.territoryNote?.de).toContain('Wartburgkreis wuchs um 35.875 (+29,2\u00a0%): vermutlich wurde Eisenach dort eingegliedert.');
    expect(change.values[1]?.value).toBeCloseTo(29.161, 3); // 35 875 / 123 025 × 100
    expect(change.values[1]?.flagReason?.de).toBe('Sprung vermutlich durch Gebietsänderung: Eisenach (31.12.2018:\u00a042.370) hat zum 31.12.2021 keinen Wert mehr');
    expect(change.values[0]?.value).toBeNull();
    expect(change.values[0]?.missingReason).toEqual({
      de: '„population“: nichts vorhanden („-“) – vermutlich in Wartburgkreis eingegliedert (Gebietsänderung)',
      en: '"population": nothing to report ("-") – probably merged into Wartburgkreis (boundary change)',
    });
    expect(deriveIndicatorValues({ indicator: population, areas, observations, mode: 'value', period: '2021-12-31' }).territoryNote).toBeNull();
    // Secret at the later Stichtag („.“): no sign of a merger.
    const secret = observations.map((entry) => (entry.areaKey === '16056' && entry.period === '2021-12-31' ? { ...entry, missing: '.' as const } : entry));
    expect(deriveIndicatorValues({ indicator: population, areas, observations: secret, mode: 'change', period: '2021-12-31', comparePeriod: '2018-12-31' }).territoryNote).toBeNull();
  });
});
