/**
 * Pyramids with unequal age groups, drawn as statistical offices draw them: bar height in proportion to the
 * years a group spans, bar length per single year of age. Hand-made profile with the demo's nine groups.
 */
import { describe, expect, it } from 'vitest';
import { ageSpanOf, ageSpansOf } from '../../../shared/profiles/ageGroupSpans';
import type { AreaProfile, ProfileCell, PyramidRow } from '../../../shared/profiles/profileTypes';
import { sharedScaleMax } from '../../../shared/profiles/svg/panelScale';
import { standalonePanelSvg, type PanelOptions } from '../../../shared/profiles/svg/profilePanelSvg';
import { profileLegendSvg, scaleDescription } from '../../../shared/profiles/svg/profileGridSvg';

const GROUPS = ['0-2', '3-5', '6-9', '10-15', '16-17', '18-24', '25-44', '45-64', '65+'];
const SPANS = [3, 3, 4, 6, 2, 7, 20, 20, 25];

const cell = (count: number, total: number): ProfileCell => ({ count, share: (count / total) * 100, suppressed: false });

/** 100 persons per year of age and sex in every group, so every bar has the same length per year. */
function evenProfile(): AreaProfile {
  const total = SPANS.reduce((sum, span) => sum + span, 0) * 200;
  const pyramid: PyramidRow[] = GROUPS.map((ageGroup, index) => ({
    ageGroup,
    male: cell(SPANS[index]! * 100, total),
    female: cell(SPANS[index]! * 100, total),
    refugeesMale: cell(SPANS[index]! * 5, total),
    refugeesFemale: cell(0, total),
  }));
  return { key: '03241001', name: 'Hannover', isRegion: false, population: total, refugees: null, foreignPopulation: null, pyramid, nationality: [], status: [], indicators: {} } as unknown as AreaProfile;
}

function options(profile: AreaProfile): PanelOptions {
  return {
    view: 'pyramid',
    mode: 'shares',
    scaleMax: sharedScaleMax([profile], 'pyramid', 'shares'),
    indicatorMax: {},
    reference: null,
    region: profile,
    categories: { ageGroups: GROUPS.map((id) => ({ id, label: { de: id, en: id } })), nationalities: [], statuses: [] },
    indicators: [],
    width: 210,
    height: 176,
    locale: 'de',
  };
}

/** The main bar (first rect) of each group and sex, in drawing order. */
function bars(svg: string, sex: 'male' | 'female'): { height: number; width: number; title: string }[] {
  return [...svg.matchAll(new RegExp(`<g class="kr-bar" data-age="[^"]+" data-sex="${sex}"><title>([^<]*)</title><rect x="[^"]+" y="[^"]+" width="([\\d.]+)" height="([\\d.]+)"`, 'g'))].map((match) => ({
    title: match[1]!,
    width: Number(match[2]),
    height: Number(match[3]),
  }));
}

describe('age group spans', () => {
  it('reads ranges, open-ended and "unter" groups, and rejects what names no ages', () => {
    expect(ageSpanOf('25-44')).toEqual({ from: 25, to: 45, open: false });
    expect(ageSpanOf('65+')).toEqual({ from: 65, to: 90, open: true });
    expect(ageSpanOf('unter 3')).toEqual({ from: 0, to: 3, open: false });
    expect(ageSpanOf('Kinder')).toBeNull();
    expect(ageSpansOf(GROUPS)!.map((span) => span.to - span.from)).toEqual(SPANS);
    // A gap between groups: not an age axis.
    expect(ageSpansOf(['0-2', '6-9'])).toBeNull();
  });
});

describe('pyramid panel with unequal age groups', () => {
  const profile = evenProfile();
  const svg = standalonePanelSvg(profile, options(profile));

  it('draws each bar as tall as its group spans years', () => {
    const heights = bars(svg, 'male').map((bar) => bar.height);
    expect(heights).toHaveLength(9);
    const perYear = (heights[6]! + 0.6) / 20;
    heights.forEach((height, index) => expect(height + 0.6, GROUPS[index]).toBeCloseTo(SPANS[index]! * perYear, 0));
    // 25–44 (20 years) is ten times as tall as 16–17 (2 years).
    expect((heights[6]! + 0.6) / (heights[4]! + 0.6)).toBeCloseTo(10, 0);
  });

  it('draws the value per year of age, so equal numbers per year give equal lengths', () => {
    const widths = bars(svg, 'female').map((bar) => bar.width);
    for (const width of widths) expect(width).toBeCloseTo(widths[0]!, 0);
  });

  it('shows the values of a bar on hover (SVG title): count, share, per year and the refugee part', () => {
    const title = bars(svg, 'male')[6]!.title;
    expect(title).toBe('Männer 25–44 Jahre: 2.000 (11,1 %) · 100 je Altersjahr · darunter Schutzsuchende: 100');
  });

  it('marks ages at group limits on the axis, 0, 18 and 65 always', () => {
    const ages = [...svg.matchAll(/text-anchor="middle" fill="#636363">(\d+)</g)].map((match) => Number(match[1]));
    expect(ages).toEqual(expect.arrayContaining([0, 18, 65]));
  });
});

describe('what the profile bars measure', () => {
  it('says what the percentages are shares of, per view', () => {
    expect(scaleDescription('nationality', 'shares', true, 'de')).toContain('der ausländischen Bevölkerung');
    expect(scaleDescription('status', 'shares', true, 'de')).toContain('aller Schutzsuchenden');
    expect(scaleDescription('pyramid', 'shares', true, 'de')).toContain('je Altersjahr');
    expect(scaleDescription('pyramid', 'absolute', true, 'en')).toContain('persons per year of age');
  });

  it('has a legend for the sexes, the refugee part and the reference outline', () => {
    const legend = profileLegendSvg('pyramid', { name: 'Region', isRegion: true }, 'de');
    for (const label of ['Männer', 'Frauen', 'darunter Schutzsuchende', 'Referenz: Region (Summe der Gebiete)']) expect(legend).toContain(label);
  });
});
