/**
 * The side-by-side figure: a title, a legend, the panels of all (or the chosen) areas in a grid on shared
 * scales — in groups when a typology is shown — and the footer with source, Stichtag, small-number note and
 * "Beispieldaten, synthetisch" for synthetic data. Pure: returns an SVG document as text, which the renderer
 * shows and the exports turn into SVG, PNG and PDF files.
 */
import { formatDate, formatNumber, type Locale } from '../../format/number';
import { localized, translate } from '../../i18n/translate';
import type { PanelGroup } from '../orderPanels';
import type { AreaProfile, ProfileScaleMode, ProfileSet, ProfileView } from '../profileTypes';
import { indicatorScaleMax, pyramidSpans, sharedScaleMax } from './panelScale';
import { profileDisplayName, profilePanelSvg } from './profilePanelSvg';
import { compareTable, differenceUnitOf } from '../profileTable';
import { complementaryNote } from '../profileProtection';
import { coordinate as c, escapeXml, FONT_FAMILY, groupColour, PROFILE_COLOURS as colours } from './svgMarkup';

export interface GridFigureOptions {
  view: ProfileView;
  mode: ProfileScaleMode;
  locale: Locale;
  /** Panels in order, possibly grouped (see orderPanels). */
  groups: readonly PanelGroup[];
  /** Outline reference: the region, an area, or null. */
  reference: AreaProfile | null;
  /** A reference per panel instead (the change view: each area at the comparison date). */
  referenceByKey?: Readonly<Record<string, AreaProfile>>;
  /** Short description per typology group (1-based), shown as the group heading. */
  groupDescriptions?: Readonly<Record<number, string>>;
  /** Panel size in px (SVG user units). Default 190 × 160. */
  panelWidth?: number;
  panelHeight?: number;
  /** Number of columns. Default: as many as fit 1 200 px. */
  columns?: number;
  title?: string;
  selectedKey?: string | null;
}

const VIEW_TITLES: Record<ProfileView, { de: string; en: string }> = {
  pyramid: { de: 'Bevölkerung nach Alter und Geschlecht, darunter Schutzsuchende', en: 'Population by age and sex, of which persons seeking protection' },
  nationality: { de: 'Ausländische Bevölkerung nach Staatsangehörigkeit', en: 'Foreign population by nationality' },
  status: { de: 'Schutzsuchende nach Schutzstatus', en: 'Persons seeking protection by protection status' },
  indicators: { de: 'Kennzahlen im Vergleich', en: 'Key indicators compared' },
};

/** The figure title of a view. @example viewTitle('pyramid', 'de') // "Bevölkerung nach Alter und Geschlecht, darunter Schutzsuchende" */
export function viewTitle(view: ProfileView, locale: Locale): string {
  return VIEW_TITLES[view][locale];
}

/**
 * What the bars of a view measure, said once for the app and every figure: what the percentages are shares
 * of, and for pyramids with age spans that bars show values per year of age and are as tall as their group.
 * @example scaleDescription('nationality', 'shares', true, 'de') // "Anteile in % der ausländischen Bevölkerung, gleiche Skala in allen Feldern"
 */
export function scaleDescription(view: ProfileView, mode: ProfileScaleMode, perYearOfAge: boolean, locale: Locale): string {
  const de = locale === 'de';
  const same = de ? 'gleiche Skala in allen Feldern' : 'same scale in every panel';
  if (view === 'pyramid' && perYearOfAge) {
    const measure =
      mode === 'shares'
        ? de ? 'Balkenlänge: Anteil an der Bevölkerung in % je Altersjahr' : 'bar length: share of the population in % per year of age'
        : de ? 'Balkenlänge: Personen je Altersjahr' : 'bar length: persons per year of age';
    const height = de ? 'Balkenhöhe: Altersspanne der Gruppe (65+ bis 89)' : 'bar height: age span of the group (65+ up to 89)';
    return `${measure}; ${height}; ${same}`;
  }
  if (view === 'indicators') return de ? 'Kennzahlen; gestrichelt: Wert der Region' : 'key indicators; dashed: the region’s value';
  if (mode === 'absolute') return `${de ? 'Personen' : 'persons'}, ${same}`;
  const basis: Record<Exclude<ProfileView, 'indicators'>, string> = {
    pyramid: de ? 'Anteile in % der Bevölkerung' : 'shares in % of the population',
    nationality: de ? 'Anteile in % der ausländischen Bevölkerung' : 'shares in % of the foreign population',
    status: de ? 'Anteile in % aller Schutzsuchenden' : 'shares in % of all persons seeking protection',
  };
  return `${basis[view]}, ${same}`;
}

/** Number of panels in the figure. */
export function panelCount(groups: readonly PanelGroup[]): number {
  return groups.reduce((sum, group) => sum + group.areas.length, 0);
}

/**
 * @example profileGridSvg(set, { view: 'pyramid', mode: 'shares', locale: 'de', groups: orderPanels(set.areas, order), reference: set.region })
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="1200" …'
 */
export function profileGridSvg(set: ProfileSet, options: GridFigureOptions): string {
  const { view, mode, locale } = options;
  const panelWidth = options.panelWidth ?? 190;
  const panelHeight = options.panelHeight ?? 160;
  const gap = 8;
  const margin = 20;
  const largestGroup = Math.max(1, ...options.groups.map((group) => group.areas.length));
  // As many columns as fit 1 200 px, but no empty columns when there are only a few panels.
  const columns = Math.max(1, options.columns ?? Math.min(largestGroup, Math.floor((1200 - 2 * margin + gap) / (panelWidth + gap))));
  const gridWidth = 2 * margin + columns * panelWidth + (columns - 1) * gap;
  const panels = options.groups.flatMap((group) => group.areas);
  // Shared scales over every drawn panel and the reference, so bars compare across the grid.
  const perPanelReferences = options.referenceByKey ? panels.flatMap((area) => options.referenceByKey?.[area.key] ?? []) : [];
  // In absolute numbers another area's outline is scaled to each panel's total, so only the same area at the
  // comparison date adds to the scale (the region's own counts would squash every municipality).
  const scaleProfiles = [...panels, ...(options.reference && mode === 'shares' ? [options.reference] : []), ...perPanelReferences];
  const scaleMax = sharedScaleMax(scaleProfiles, view, mode);
  const indicatorMax = indicatorScaleMax([...panels, set.region]);
  const de = locale === 'de';

  const parts: string[] = [];
  let y = margin + 16;
  const title = options.title ?? viewTitle(view, locale);
  parts.push(`<text x="${margin}" y="${y}" font-size="16" font-weight="bold" fill="${colours.text}">${escapeXml(title)}</text>`);
  y += 18;
  const modeText = scaleDescription(view, mode, pyramidSpans(set.region) !== null, locale);
  const dateText = set.comparePeriod ? `${formatDate(set.period, locale)} (${de ? 'Vergleich' : 'comparison'} ${formatDate(set.comparePeriod, locale)})` : formatDate(set.period, locale);
  const subtitle = `${de ? 'Stichtag' : 'Reference date'} ${dateText} · ${modeText}`;
  parts.push(`<text x="${margin}" y="${y}" font-size="11" fill="${colours.muted}">${escapeXml(subtitle)}</text>`);
  y += 10;
  const referenceLegend = options.referenceByKey && set.comparePeriod ? { name: `${de ? 'Stand' : 'as of'} ${formatDate(set.comparePeriod, locale)}`, isRegion: false } : options.reference;
  const legendBox = legend(parts, view, referenceLegend, margin, y, locale);
  y = legendBox.bottom;

  for (const group of options.groups) {
    if (group.group !== null) {
      y += 16;
      const description = options.groupDescriptions?.[group.group] ?? '';
      parts.push(`<rect x="${margin}" y="${c(y - 10)}" width="12" height="12" fill="${groupColour(group.group)}"/>`);
      parts.push(`<text x="${margin + 18}" y="${c(y)}" font-size="11" font-weight="bold" fill="${colours.text}">${escapeXml(`${de ? 'Typ' : 'Type'} ${group.group}${description ? `: ${description}` : ''}`)}</text>`);
      y += 6;
    }
    group.areas.forEach((area, index) => {
      const column = index % columns;
      const row = Math.floor(index / columns);
      const x = margin + column * (panelWidth + gap);
      const top = y + row * (panelHeight + gap);
      const panel = profilePanelSvg(area, {
        view,
        mode,
        scaleMax,
        indicatorMax,
        reference: options.referenceByKey?.[area.key] ?? (options.reference && options.reference.key !== area.key ? options.reference : null),
        region: set.region,
        categories: set,
        indicators: set.indicators,
        width: panelWidth,
        height: panelHeight,
        locale,
        group: group.group,
        state: options.selectedKey === area.key ? 'selected' : null,
      });
      parts.push(`<g transform="translate(${c(x)},${c(top)})">${panel}</g>`);
    });
    const rows = Math.ceil(group.areas.length / columns);
    y += rows * (panelHeight + gap);
  }

  y += 12;
  const footer = footerLines(set, locale);
  for (const line of footer) {
    parts.push(`<text x="${margin}" y="${c(y)}" font-size="9.5" fill="${colours.muted}">${escapeXml(line)}</text>`);
    y += 13;
  }
  const height = Math.ceil(y + margin - 8);
  // Text has no measurement in pure code: widths are estimated (≈ 0,55 em per character) so that a grid of
  // few panels still shows the whole title, legend and footer.
  const textWidth = Math.max(title.length * 16 * 0.58, subtitle.length * 11 * 0.56, ...footer.map((line) => line.length * 9.5 * 0.56));
  const width = Math.ceil(Math.max(gridWidth, legendBox.right + margin, textWidth + 2 * margin));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}"><rect width="${width}" height="${height}" fill="#ffffff"/>${parts.join('')}</svg>`;
}

/**
 * The legend of a view as a standalone SVG (the app shows it above its panels; figures draw the same one).
 * @example profileLegendSvg('pyramid', set.region, 'de') // '<svg …>…Männer…darunter Schutzsuchende…Referenz…</svg>'
 */
export function profileLegendSvg(view: ProfileView, reference: { name: string; isRegion: boolean } | null, locale: Locale): string {
  const parts: string[] = [];
  const box = legend(parts, view, reference, 0, -6, locale);
  const width = Math.ceil(box.right);
  const height = Math.ceil(box.bottom + 2);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}" role="img" aria-label="${locale === 'de' ? 'Legende' : 'Legend'}">${parts.join('')}</svg>`;
}

function legend(parts: string[], view: ProfileView, reference: { name: string; isRegion: boolean } | null, x: number, y: number, locale: Locale): { bottom: number; right: number } {
  const de = locale === 'de';
  const entries: { swatch: string; label: string }[] = [];
  const box = (fill: string) => `<rect width="12" height="9" fill="${fill}"/>`;
  if (view === 'pyramid') {
    entries.push({ swatch: box(colours.male), label: de ? 'Männer' : 'men' });
    entries.push({ swatch: box(colours.maleRefugees), label: de ? 'darunter Schutzsuchende' : 'of which seeking protection' });
    entries.push({ swatch: box(colours.female), label: de ? 'Frauen' : 'women' });
    entries.push({ swatch: box(colours.femaleRefugees), label: de ? 'darunter Schutzsuchende' : 'of which seeking protection' });
  } else if (view === 'indicators') {
    entries.push({ swatch: box(colours.bar), label: de ? 'Gebiet' : 'area' });
    entries.push({ swatch: `<line x1="6" y1="-1" x2="6" y2="10" stroke="${colours.region}" stroke-dasharray="2 1"/>`, label: de ? 'Region' : 'region' });
  } else entries.push({ swatch: box(colours.bar), label: de ? 'Gebiet' : 'area' });
  if (reference && !(view === 'indicators' && reference.isRegion)) {
    entries.push({ swatch: `<line x1="0" y1="4.5" x2="12" y2="4.5" stroke="${colours.reference}" stroke-width="1.5"/>`, label: `${de ? 'Referenz' : 'reference'}: ${reference.isRegion ? (de ? 'Region (Summe der Gebiete)' : 'Region (sum of areas)') : reference.name}` });
  }
  entries.push({ swatch: `<rect width="6" height="9" fill="none" stroke="${colours.suppressed}" stroke-dasharray="1.5 1"/>`, label: de ? 'unterdrückt' : 'suppressed' });
  let cursor = x;
  const top = y + 6;
  for (const entry of entries) {
    parts.push(`<g transform="translate(${c(cursor)},${c(top)})">${entry.swatch}<text x="16" y="8.5" font-size="10" fill="${colours.text}">${escapeXml(entry.label)}</text></g>`);
    cursor += 16 + entry.label.length * 5.6 + 14;
  }
  return { bottom: top + 16, right: cursor };
}

/** Source line, small-number note and the synthetic label, under every profile figure. */
function footerLines(set: ProfileSet, locale: Locale): string[] {
  const lines = [
    localized(set.sourceLine, locale),
    locale === 'de' ? `Kleine Fallzahlen (unter ${set.smallNumberThreshold}) sind unterdrückt (gestrichelt markiert).` : `Small numbers (below ${set.smallNumberThreshold}) are suppressed (marked dashed).`,
  ];
  // Its own line: joined to the one above, it made a narrow figure (the indicators grid) wider than its panels.
  const complementary = complementaryNote(set, locale);
  if (complementary) lines.push(complementary);
  if (set.synthetic) lines.push(translate(locale, 'badge.synthetic'));
  return lines;
}

const COMPARE_VIEWS: readonly ProfileView[] = ['pyramid', 'nationality', 'status'];

/**
 * "A gegen B" as the tab shows it: A's age structure, nationalities and protection status with B as the
 * outline, as shares on scales shared by both, and the indicators with A, B and A − B (compareTable's rows).
 * @example compareFigureSvg(set, hannover, garbsen, 'de') // '<svg …>…Hannover gegen Garbsen…</svg>'
 */
export function compareFigureSvg(set: ProfileSet, a: AreaProfile, b: AreaProfile, locale: Locale): string {
  const margin = 20;
  const panelWidth = 300;
  const panelHeight = 250;
  const gap = 12;
  const nameA = profileDisplayName(a, locale);
  const nameB = profileDisplayName(b, locale);
  const parts: string[] = [];
  let y = margin + 16;
  const title = `${nameA} ${locale === 'de' ? 'gegen' : 'versus'} ${nameB}`;
  parts.push(`<text x="${margin}" y="${y}" font-size="16" font-weight="bold" fill="${colours.text}">${escapeXml(title)}</text>`);
  y += 18;
  const subtitle = `${locale === 'de' ? 'Stichtag' : 'Reference date'} ${formatDate(set.period, locale)} · ${translate(locale, 'profiles.compare.legend', { a: nameA, b: nameB })}`;
  parts.push(`<text x="${margin}" y="${y}" font-size="11" fill="${colours.muted}">${escapeXml(subtitle)}</text>`);
  y += 22;
  const indicatorMax = indicatorScaleMax([a, b]);
  COMPARE_VIEWS.forEach((view, index) => {
    const x = margin + index * (panelWidth + gap);
    parts.push(`<text x="${x}" y="${y}" font-size="10" font-weight="bold" fill="${colours.text}">${escapeXml(viewTitle(view, locale))}</text>`);
    const panel = profilePanelSvg(a, { view, mode: 'shares', scaleMax: sharedScaleMax([a, b], view, 'shares'), indicatorMax, reference: b, region: set.region, categories: set, indicators: set.indicators, width: panelWidth, height: panelHeight, locale });
    parts.push(`<g transform="translate(${x},${y + 6})">${panel}</g>`);
  });
  y += panelHeight + 30;
  // The indicators, right-aligned in columns: the same rows as the CSV of this view.
  const table = compareTable(set, a, b, locale);
  const columnsRight = [margin + 420, margin + 520, margin + 640];
  const header = (text: string, right: number) => `<text x="${right}" y="${y}" font-size="10" font-weight="bold" text-anchor="end" fill="${colours.text}">${escapeXml(text)}</text>`;
  parts.push(`<text x="${margin}" y="${y}" font-size="10" font-weight="bold" fill="${colours.text}">${escapeXml(table.columns[0] ?? '')}</text>`, header(nameA, columnsRight[0]!), header(nameB, columnsRight[1]!), header('A − B', columnsRight[2]!));
  y += 15;
  set.indicators.forEach((indicator, index) => {
    const [label, valueA, valueB, difference] = table.rows[index] ?? [];
    const number = (value: unknown, signed = false) => (typeof value === 'number' ? `${signed && value > 0 ? '+' : ''}${formatNumber(value, indicator.decimals, locale)}` : '–');
    const cell = (text: string, right: number) => `<text x="${right}" y="${y}" font-size="10" text-anchor="end" fill="${colours.text}">${escapeXml(text)}</text>`;
    parts.push(`<text x="${margin}" y="${y}" font-size="10" fill="${colours.text}">${escapeXml(String(label ?? ''))}</text>`);
    parts.push(cell(number(valueA), columnsRight[0]!), cell(number(valueB), columnsRight[1]!), cell(typeof difference === 'number' ? `${number(difference, true)} ${differenceUnitOf(indicator, locale, 'short')}` : '–', columnsRight[2]!));
    y += 14;
  });
  y += 12;
  const footer = footerLines(set, locale);
  for (const line of footer) {
    parts.push(`<text x="${margin}" y="${c(y)}" font-size="9.5" fill="${colours.muted}">${escapeXml(line)}</text>`);
    y += 13;
  }
  const width = Math.ceil(Math.max(2 * margin + 3 * panelWidth + 2 * gap, ...footer.map((line) => 2 * margin + line.length * 9.5 * 0.56)));
  const height = Math.ceil(y + margin - 8);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}"><rect width="${width}" height="${height}" fill="#ffffff"/>${parts.join('')}</svg>`;
}
