/**
 * One small-multiple panel as SVG markup: the header (area name, population, typology group) and the chart
 * of the chosen view — population pyramid with the refugee part inside the bars, nationality bars, status
 * bars or key indicators — on a scale shared by all panels, with the pinned reference drawn as an outline.
 * Pure: returns a string, used by the renderer's grid and by every export.
 */
import { formatNumber, type Locale } from '../../format/number';
import { localized } from '../../i18n/translate';
import type { AreaProfile, ProfileCategory, ProfileCell, ProfileIndicatorDefinition, ProfileScaleMode, ProfileView } from '../profileTypes';
import type { AgeSpan } from '../ageGroupSpans';
import { suppressedCellTitle } from '../profileProtection';
import { cellValue, INDICATOR_VIEW_IDS, pyramidSpans, pyramidValue } from './panelScale';
import { coordinate as c, escapeXml, FONT_FAMILY, groupColour, PROFILE_COLOURS as colours, shorten } from './svgMarkup';

export interface PanelOptions {
  view: ProfileView;
  mode: ProfileScaleMode;
  /** Shared maximum of the view (see sharedScaleMax). */
  scaleMax: number;
  /** Shared maximum per indicator for the indicators view (see indicatorScaleMax). */
  indicatorMax: Readonly<Record<string, number>>;
  /** Profile drawn as an outline in the panel (region, a chosen area, or the same area at the comparison date). */
  reference: AreaProfile | null;
  /** The region, whose value the indicators view marks with a tick. */
  region: AreaProfile;
  categories: { ageGroups: readonly ProfileCategory[]; nationalities: readonly ProfileCategory[]; statuses: readonly ProfileCategory[] };
  indicators: readonly ProfileIndicatorDefinition[];
  width: number;
  height: number;
  locale: Locale;
  /** Typology group (1-based) shown as a coloured strip and number, or null. */
  group?: number | null;
  /** Highlight state drawn as a frame. */
  state?: 'selected' | 'hovered' | null;
}

const HEADER_HEIGHT = 30;

/**
 * The name shown for a profile: the region's in the UI language, an area's as it is.
 * @example profileDisplayName(set.region, 'en') // "Region (sum of areas)"
 */
export function profileDisplayName(profile: AreaProfile, locale: Locale): string {
  if (!profile.isRegion) return profile.name;
  return locale === 'de' ? 'Region (Summe der Gebiete)' : 'Region (sum of areas)';
}
const FOOT_HEIGHT = 12;

/**
 * @example profilePanelSvg(set.areas[0], { view: 'pyramid', mode: 'shares', scaleMax: 8, … }) // '<g class="kr-panel">…</g>'
 */
export function profilePanelSvg(profile: AreaProfile, options: PanelOptions): string {
  const { width, height, locale } = options;
  const parts: string[] = [`<g class="kr-panel" data-key="${escapeXml(profile.key)}">`];
  const frameColour = options.state === 'selected' ? colours.selected : options.state === 'hovered' ? colours.hovered : '#d9d9d9';
  const frameWidth = options.state ? 2.5 : 0.75;
  parts.push(`<rect x="0.5" y="0.5" width="${c(width - 1)}" height="${c(height - 1)}" fill="#ffffff" stroke="${frameColour}" stroke-width="${frameWidth}"/>`);
  if (options.group) {
    parts.push(`<rect x="1" y="1" width="5" height="${c(height - 2)}" fill="${groupColour(options.group)}"/>`);
  }
  const nameX = options.group ? 10 : 6;
  parts.push(text(nameX, 13, shorten(profileDisplayName(profile, locale), Math.floor((width - 16) / 6.2)), 11, 'start', 'bold'));
  const populationLine = profile.population !== null ? `${formatNumber(profile.population, 0, locale)} ${locale === 'de' ? 'Einw.' : 'inh.'}` : locale === 'de' ? 'Bevölkerung: keine Daten' : 'population: no data';
  const groupLabel = options.group ? ` · ${locale === 'de' ? 'Typ' : 'type'} ${options.group}` : '';
  parts.push(text(nameX, 25, populationLine + groupLabel, 8.5, 'start', 'normal', colours.muted));

  const body = { x: 6, y: HEADER_HEIGHT, width: width - 12, height: height - HEADER_HEIGHT - FOOT_HEIGHT };
  if (options.view === 'pyramid') parts.push(pyramidBody(profile, options, body));
  else if (options.view === 'indicators') parts.push(indicatorBody(profile, options, body));
  else parts.push(categoryBody(profile, options, body));
  parts.push('</g>');
  return parts.join('');
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function text(x: number, y: number, content: string, size: number, anchor: 'start' | 'middle' | 'end', weight: 'normal' | 'bold' = 'normal', fill: string = colours.text): string {
  const weightAttribute = weight === 'bold' ? ' font-weight="bold"' : '';
  return `<text x="${c(x)}" y="${c(y)}" font-size="${size}" text-anchor="${anchor}"${weightAttribute} fill="${fill}">${escapeXml(content)}</text>`;
}

function scaleLabel(value: number, mode: ProfileScaleMode, locale: Locale): string {
  return mode === 'shares' ? `${formatNumber(value, value < 10 ? 1 : 0, locale)} %` : formatNumber(value, 0, locale);
}

/**
 * Where the outline of a reference cell lies. Shares compare directly. In absolute numbers another area's
 * structure is scaled to this area's total (the expected count if it had the reference's structure); the same
 * area at an earlier date is drawn with its own counts, so the change view shows real growth.
 */
function referenceOutlineValue(cell: ProfileCell, mode: ProfileScaleMode, sameArea: boolean, factor: number): number | null {
  if (mode === 'shares') return cell.share;
  if (sameArea) return cell.count;
  return cell.share === null ? null : cell.share * factor;
}

/** A suppressed cell: a short grey dashed mark at the start of the bar, with a tooltip. */
function suppressedMark(x: number, y: number, barHeight: number, direction: 1 | -1, locale: Locale, cell: Pick<ProfileCell, 'complementary'> = {}): string {
  const markWidth = 5;
  const left = direction === 1 ? x : x - markWidth;
  const title = suppressedCellTitle(cell, locale);
  return `<rect x="${c(left)}" y="${c(y)}" width="${markWidth}" height="${c(barHeight)}" fill="none" stroke="${colours.suppressed}" stroke-dasharray="1.5 1"><title>${title}</title></rect>`;
}

/** "25–44", "65+" (open-ended), or the id as it is. */
function ageLabel(id: string, span: AgeSpan | null | undefined): string {
  if (!span) return id;
  return span.open ? `${span.from}+` : `${span.from}–${span.to - 1}`;
}

/** The hover text of one bar: group count and share, per year of age, and the refugee part. */
function pyramidTitle(side: 'male' | 'female', ageText: string, cell: ProfileCell, refugees: ProfileCell, span: AgeSpan | null | undefined, locale: Locale): string {
  const de = locale === 'de';
  const sex = side === 'male' ? (de ? 'Männer' : 'Men') : de ? 'Frauen' : 'Women';
  const years = de ? 'Jahre' : 'years';
  if (cell.count === null) return `${sex} ${ageText} ${years}: ${suppressedCellTitle(cell, locale)}`;
  const share = cell.share === null ? '' : ` (${formatNumber(cell.share, 1, locale)} %)`;
  const spanYears = span ? span.to - span.from : null;
  const perYear = spanYears ? ` · ${formatNumber(cell.count / spanYears, 0, locale)} ${de ? 'je Altersjahr' : 'per year of age'}` : '';
  const refugeeText = refugees.count === null ? (refugees.suppressed ? (de ? 'unterdrückt' : 'suppressed') : '–') : formatNumber(refugees.count, 0, locale);
  return `${sex} ${ageText} ${years}: ${formatNumber(cell.count, 0, locale)}${share}${perYear} · ${de ? 'darunter Schutzsuchende' : 'of which seeking protection'}: ${refugeeText}`;
}

/**
 * The population pyramid. With age groups that read as ages (see ageSpansOf) each bar is as tall as its
 * group spans years and as long as the value per single year of age, so unequal groups compare honestly;
 * ages are marked at group limits. Otherwise one equal row per group with the group's value.
 */
function pyramidBody(profile: AreaProfile, options: PanelOptions, box: Box): string {
  const { mode, scaleMax, locale, reference } = options;
  const labelGap = 22;
  const half = (box.width - labelGap) / 2;
  const centreLeft = box.x + half;
  const centreRight = centreLeft + labelGap;
  const rows = profile.pyramid.length;
  const spans = pyramidSpans(profile);
  const firstAge = spans?.[0]?.from ?? 0;
  const years = spans ? spans[spans.length - 1]!.to - firstAge : rows;
  const pixelsPerYear = years > 0 ? box.height / years : 0;
  // Row i spans [bottom - …, bottom] from the base of the chart upwards: youngest at the bottom.
  const rowExtent = (index: number): { top: number; bottom: number } => {
    const from = spans ? spans[index]!.from - firstAge : index;
    const to = spans ? spans[index]!.to - firstAge : index + 1;
    return { top: box.y + box.height - to * pixelsPerYear, bottom: box.y + box.height - from * pixelsPerYear };
  };
  // A hairline of white between groups; equal rows keep the classic gap.
  const gap = spans ? Math.min(0.6, pixelsPerYear * 0.3) : (box.height / Math.max(rows, 1)) * 0.18;
  const length = (value: number) => (Math.min(value, scaleMax) / scaleMax) * half;
  const parts: string[] = [];
  const referenceFactor = mode === 'absolute' && profile.population !== null ? profile.population / 100 : 1;
  const sameArea = reference !== null && reference.key === profile.key;
  const referenceSpans = reference ? pyramidSpans(reference) : null;
  const leftOutline: string[] = [];
  const rightOutline: string[] = [];

  profile.pyramid.forEach((row, index) => {
    const span = spans?.[index];
    const extent = rowExtent(index);
    const y = extent.top + gap / 2;
    const barHeight = Math.max(0.5, extent.bottom - extent.top - gap);
    const ageText = ageLabel(options.categories.ageGroups[index]?.id ?? row.ageGroup, span);
    for (const side of ['male', 'female'] as const) {
      const cell = row[side];
      const refugeeCell = side === 'male' ? row.refugeesMale : row.refugeesFemale;
      const direction = side === 'male' ? -1 : 1;
      const origin = side === 'male' ? centreLeft : centreRight;
      const value = pyramidValue(cell, mode, span);
      const fill = side === 'male' ? colours.male : colours.female;
      const refugeeFill = side === 'male' ? colours.maleRefugees : colours.femaleRefugees;
      const bar: string[] = [`<g class="kr-bar" data-age="${escapeXml(row.ageGroup)}" data-sex="${side}"><title>${escapeXml(pyramidTitle(side, ageText, cell, refugeeCell, span, locale))}</title>`];
      if (value === null) bar.push(suppressedMark(origin, y, barHeight, direction, locale, cell));
      else {
        const barLength = length(value);
        bar.push(`<rect x="${c(direction === 1 ? origin : origin - barLength)}" y="${c(y)}" width="${c(barLength)}" height="${c(barHeight)}" fill="${fill}"/>`);
      }
      const refugeeValue = pyramidValue(refugeeCell, mode, span);
      if (refugeeValue === null) {
        if (refugeeCell.suppressed && value !== null) bar.push(suppressedMark(origin, y + barHeight * 0.25, barHeight * 0.5, direction, locale, refugeeCell));
      } else if (refugeeValue > 0) {
        const refugeeLength = length(refugeeValue);
        bar.push(`<rect x="${c(direction === 1 ? origin : origin - refugeeLength)}" y="${c(y)}" width="${c(refugeeLength)}" height="${c(barHeight)}" fill="${refugeeFill}"/>`);
      }
      bar.push('</g>');
      parts.push(bar.join(''));
      if (reference) {
        const referenceRow = reference.pyramid[index];
        const referenceCell = referenceRow ? referenceRow[side] : null;
        const outlineValue = referenceCell ? referenceOutlineValue(referenceCell, mode, sameArea, referenceFactor) : null;
        const referenceSpan = referenceSpans?.[index] ?? span;
        const referenceValue = outlineValue === null ? null : referenceSpan && spans ? outlineValue / (referenceSpan.to - referenceSpan.from) : outlineValue;
        if (referenceValue !== null) {
          const x = origin + direction * length(referenceValue);
          const outline = side === 'male' ? leftOutline : rightOutline;
          outline.push(`${c(x)},${c(extent.bottom)}`, `${c(x)},${c(extent.top)}`);
        }
      }
    }
  });
  for (const outline of [leftOutline, rightOutline]) {
    if (outline.length > 0) parts.push(`<polyline points="${outline.join(' ')}" fill="none" stroke="${colours.reference}" stroke-width="1.1"/>`);
  }
  parts.push(ageAxis(profile, spans, rowExtent, centreLeft, centreRight, options));
  const axisY = box.y + box.height + 0.5;
  parts.push(`<line x1="${c(box.x)}" y1="${c(axisY)}" x2="${c(box.x + box.width)}" y2="${c(axisY)}" stroke="${colours.axis}" stroke-width="0.5"/>`);
  const perYear = spans !== null;
  parts.push(text(box.x, axisY + 9, pyramidScaleLabel(scaleMax, mode, perYear, locale), 7, 'start', 'normal', colours.muted));
  parts.push(text(box.x + box.width, axisY + 9, pyramidScaleLabel(scaleMax, mode, perYear, locale), 7, 'end', 'normal', colours.muted));
  parts.push(text(centreLeft - 2, axisY + 9, 'm', 7, 'end', 'normal', colours.muted));
  parts.push(text(centreRight + 2, axisY + 9, locale === 'de' ? 'w' : 'f', 7, 'start', 'normal', colours.muted));
  return parts.join('');
}

/** The scale's end label: per year of age values need a decimal more than group values. */
function pyramidScaleLabel(value: number, mode: ProfileScaleMode, perYear: boolean, locale: Locale): string {
  if (!perYear) return scaleLabel(value, mode, locale);
  if (mode === 'shares') return `${formatNumber(value, value < 1 ? 2 : 1, locale)} %`;
  return formatNumber(value, value < 10 ? 1 : 0, locale);
}

/**
 * Age marks in the centre column: with spans, the ages where groups start (0, 18, 65 first, then the others
 * where there is room), as on an age axis; without, the group ids centred on their rows.
 */
function ageAxis(
  profile: AreaProfile,
  spans: AgeSpan[] | null,
  rowExtent: (index: number) => { top: number; bottom: number },
  centreLeft: number,
  centreRight: number,
  options: PanelOptions,
): string {
  const centre = (centreLeft + centreRight) / 2;
  const parts: string[] = [];
  if (!spans) {
    profile.pyramid.forEach((row, index) => {
      const extent = rowExtent(index);
      parts.push(text(centre, (extent.top + extent.bottom) / 2 + 2.6, options.categories.ageGroups[index]?.id ?? row.ageGroup, 7, 'middle', 'normal', colours.muted));
    });
    return parts.join('');
  }
  const marks = spans.map((span, index) => ({ age: span.from, y: rowExtent(index).bottom }));
  const priority = (age: number): number => ([0, 18, 65].includes(age) ? 0 : 1);
  const placed: number[] = [];
  for (const mark of [...marks].sort((a, b) => priority(a.age) - priority(b.age) || a.age - b.age)) {
    if (placed.some((y) => Math.abs(y - mark.y) < 7.5)) continue;
    placed.push(mark.y);
    // Short ticks at both bar bases, the age between them, centred on the group limit (the lowest above it).
    parts.push(`<path d="M${c(centreLeft)} ${c(mark.y)}h2.5M${c(centreRight)} ${c(mark.y)}h-2.5" stroke="${colours.axis}" stroke-width="0.6"/>`);
    parts.push(text(centre, mark.age === marks[0]!.age ? mark.y - 1 : mark.y + 2.3, String(mark.age), 6.5, 'middle', 'normal', colours.muted));
  }
  return parts.join('');
}

function categoryLabel(category: ProfileCategory, locale: Locale, isNationality: boolean): string {
  // Nationality ids are ISO alpha-3 codes (short and unambiguous in a small panel); the rest group keeps its
  // first word ("sonstige", "other").
  if (/^[A-Z]{3}$/.test(category.id)) return category.id;
  const label = localized(category.label, locale).replace(/\s*\(.*\)$/, '');
  if (isNationality) return label.split(' ')[0] ?? label;
  // Long labels ("Schutzstatus anerkannt") keep their distinguishing last word in a small panel.
  return label.length > 15 ? (label.split(' ').at(-1) ?? label) : label;
}

function categoryBody(profile: AreaProfile, options: PanelOptions, box: Box): string {
  const { mode, scaleMax, locale, reference } = options;
  const isNationality = options.view === 'nationality';
  const cells = isNationality ? profile.nationality : profile.status;
  const categories = isNationality ? options.categories.nationalities : options.categories.statuses;
  const referenceCells = reference ? (isNationality ? reference.nationality : reference.status) : null;
  const labelWidth = isNationality ? 38 : 74;
  const barArea = box.width - labelWidth - 4;
  const rowHeight = cells.length > 0 ? box.height / cells.length : 0;
  const barHeight = Math.max(1, rowHeight * 0.72);
  const total = isNationality ? cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0) : profile.refugees ?? 0;
  const length = (value: number) => (Math.min(value, scaleMax) / scaleMax) * barArea;
  const parts: string[] = [];
  cells.forEach((cell, index) => {
    const category = categories[index];
    const y = box.y + index * rowHeight + (rowHeight - barHeight) / 2;
    const x = box.x + labelWidth;
    parts.push(text(x - 3, y + barHeight / 2 + 2.8, category ? shorten(categoryLabel(category, locale, isNationality), isNationality ? 8 : 15) : '', 7.5, 'end', 'normal', colours.muted));
    const value = cellValue(cell, mode);
    if (value === null) parts.push(suppressedMark(x, y, barHeight, 1, locale, cell));
    else parts.push(`<rect x="${c(x)}" y="${c(y)}" width="${c(length(value))}" height="${c(barHeight)}" fill="${colours.bar}"/>`);
    const referenceCell = referenceCells?.[index];
    const referenceValue = referenceCell ? referenceOutlineValue(referenceCell, mode, reference?.key === profile.key, total / 100) : null;
    if (referenceValue !== null) {
      const referenceX = x + length(referenceValue);
      parts.push(`<line x1="${c(referenceX)}" y1="${c(y - 1)}" x2="${c(referenceX)}" y2="${c(y + barHeight + 1)}" stroke="${colours.reference}" stroke-width="1.3"/>`);
    }
  });
  const axisY = box.y + box.height + 0.5;
  parts.push(`<line x1="${c(box.x + labelWidth)}" y1="${c(axisY)}" x2="${c(box.x + box.width)}" y2="${c(axisY)}" stroke="${colours.axis}" stroke-width="0.5"/>`);
  parts.push(text(box.x + labelWidth, axisY + 9, '0', 7, 'start', 'normal', colours.muted));
  parts.push(text(box.x + box.width, axisY + 9, scaleLabel(scaleMax, mode, locale), 7, 'end', 'normal', colours.muted));
  return parts.join('');
}

function indicatorBody(profile: AreaProfile, options: PanelOptions, box: Box): string {
  const { locale, reference, region } = options;
  // The change row only when a comparison date is chosen: then the region has a change value, unless it is
  // withheld to protect a small count, when the population's change still says a date was chosen.
  const compared = (region.indicators.refugeesChange ?? null) !== null || (region.indicators.populationChange ?? null) !== null;
  const ids = INDICATOR_VIEW_IDS.filter((id) => id !== 'refugeesChange' || compared);
  const rowHeight = box.height / ids.length;
  const labelHeight = 8;
  const parts: string[] = [];
  ids.forEach((id, index) => {
    const definition = options.indicators.find((indicator) => indicator.id === id);
    if (!definition) return;
    const top = box.y + index * rowHeight;
    const max = options.indicatorMax[id] ?? 1;
    const value = profile.indicators[id] ?? null;
    const barTop = top + labelHeight + 1;
    const barHeight = Math.max(2, rowHeight - labelHeight - 3);
    // Changes can be negative: bars then start from the middle.
    const signed = definition.kind === 'change';
    const zeroX = signed ? box.x + box.width / 2 : box.x;
    const span = signed ? box.width / 2 : box.width;
    const xOf = (v: number) => zeroX + (Math.max(-max, Math.min(v, max)) / max) * span;
    const label = shorten(localized(definition.label, locale), Math.floor(box.width / 4.4));
    const valueText = value === null ? '–' : `${formatNumber(value, definition.decimals, locale)}${definition.unit.de === '%' ? ' %' : ''}`;
    parts.push(text(box.x, top + labelHeight - 1, label, 6.5, 'start', 'normal', colours.muted));
    parts.push(text(box.x + box.width, top + labelHeight - 1, valueText, 7, 'end', 'bold'));
    parts.push(`<rect x="${c(box.x)}" y="${c(barTop)}" width="${c(box.width)}" height="${c(barHeight)}" fill="#f0f0f0"/>`);
    if (value !== null) {
      const x1 = Math.min(zeroX, xOf(value));
      parts.push(`<rect x="${c(x1)}" y="${c(barTop)}" width="${c(Math.abs(xOf(value) - zeroX))}" height="${c(barHeight)}" fill="${colours.bar}"/>`);
    }
    const regionValue = region.indicators[id] ?? null;
    if (regionValue !== null) {
      parts.push(`<line x1="${c(xOf(regionValue))}" y1="${c(barTop - 1)}" x2="${c(xOf(regionValue))}" y2="${c(barTop + barHeight + 1)}" stroke="${colours.region}" stroke-width="1" stroke-dasharray="2 1"/>`);
    }
    const referenceValue = reference && !reference.isRegion ? (reference.indicators[id] ?? null) : null;
    if (referenceValue !== null) {
      parts.push(`<line x1="${c(xOf(referenceValue))}" y1="${c(barTop - 1.5)}" x2="${c(xOf(referenceValue))}" y2="${c(barTop + barHeight + 1.5)}" stroke="${colours.reference}" stroke-width="1.3"/>`);
    }
  });
  return parts.join('');
}

/** One panel as a standalone SVG document (the renderer's grid cells and single-panel exports). */
export function standalonePanelSvg(profile: AreaProfile, options: PanelOptions): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${options.width}" height="${options.height}" viewBox="0 0 ${options.width} ${options.height}" font-family="${FONT_FAMILY}">${profilePanelSvg(profile, options)}</svg>`;
}
