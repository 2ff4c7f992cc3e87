// Issue 15 (labels drop major municipalities): at the default view at 1400 × 900 every one of the 21
// municipalities is named on the map — on its area, in a smaller font or beside it with a leader line —
// with no two labels overlapping, none outside the map and none under the legend, for names and for names
// with values. The placement is the one the printed figure uses (shared/labels).
import type { Page } from '@playwright/test';
import { e2eToken } from '../helpers/e2eServer';
import { expect, loadAreas, openApp, test } from './fixtures';

// The demo, whatever an earlier spec left open (an imported layer of 13 districts made this spec fail).
test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

interface LabelBox {
  key: string;
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

async function placedLabels(page: Page): Promise<{ labels: LabelBox[]; map: DOMRect; legend: DOMRect | null }> {
  return page.evaluate(() => {
    const box = (element: Element) => element.getBoundingClientRect().toJSON() as DOMRect;
    const labels = [...document.querySelectorAll('[data-testid="map-labels"] .map-label')].map((element) => {
      const rect = element.getBoundingClientRect();
      // The text itself, not the transformed box's padding: what a reader sees.
      return { key: element.getAttribute('data-key') ?? '', text: element.firstElementChild?.textContent ?? '', left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
    });
    const legend = document.querySelector('[data-testid="legend"]');
    return { labels, map: box(document.querySelector('[data-testid="map"]')!), legend: legend ? box(legend) : null };
  });
}

/**
 * Leader lines that read ambiguously: one whose dot sits within 4 px of another label's text (the dot of
 * Wedemark stood at the end of "Neustadt am Rübenberge", so "Neustadt am Rübenberge •— Wedemark" read as
 * one name) or whose line runs through another label's text.
 */
async function ambiguousLeaders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = [...document.querySelectorAll('[data-testid="map-labels"] .map-label')].map((element) => {
      const rect = element.getBoundingClientRect();
      return { key: element.getAttribute('data-key') ?? '', name: element.firstElementChild?.textContent ?? '', rect };
    });
    const svg = document.querySelector('[data-testid="map-labels"] svg');
    const origin = svg ? svg.getBoundingClientRect() : { left: 0, top: 0 };
    const problems: string[] = [];
    for (const group of document.querySelectorAll('[data-testid="map-labels"] svg g[data-key]')) {
      const key = group.getAttribute('data-key');
      const line = group.querySelector('line')!;
      const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((name) => Number(line.getAttribute(name)));
      const from = { x: origin.left + x1!, y: origin.top + y1! };
      const to = { x: origin.left + x2!, y: origin.top + y2! };
      const name = texts.find((text) => text.key === key)?.name ?? key;
      for (const other of texts) {
        if (other.key === key) continue;
        const r = other.rect;
        if (from.x > r.left - 4 && from.x < r.right + 4 && from.y > r.top - 4 && from.y < r.bottom + 4) problems.push(`the dot of ${name} touches "${other.name}"`);
        // Does the segment pass through the text box? Sample it finely (a few hundred px at most).
        const steps = Math.ceil(Math.hypot(to.x - from.x, to.y - from.y));
        for (let step = 1; step < steps; step++) {
          const x = from.x + ((to.x - from.x) * step) / steps;
          const y = from.y + ((to.y - from.y) * step) / steps;
          if (x > r.left && x < r.right && y > r.top && y < r.bottom) {
            problems.push(`the leader of ${name} runs through "${other.name}"`);
            break;
          }
        }
      }
    }
    return problems;
  });
}

function overlap(first: { left: number; right: number; top: number; bottom: number }, second: { left: number; right: number; top: number; bottom: number }): boolean {
  return first.left < second.right && first.right > second.left && first.top < second.bottom && first.bottom > second.top;
}

for (const mode of ['names', 'namesAndValues'] as const) {
  test(`every municipality is labelled at the default view (${mode})`, async ({ page, request }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    const { areas } = await loadAreas(request);
    expect(areas).toHaveLength(21);
    await openApp(page);
    if (mode === 'namesAndValues') await page.getByTestId('symbology-labels').selectOption('namesAndValues');
    await expect(page.locator('[data-testid="map-labels"] .map-label')).toHaveCount(21);
    const { labels, map, legend } = await placedLabels(page);
    if (mode === 'names') expect(await ambiguousLeaders(page)).toEqual([]);
    expect(labels.map((label) => label.key).sort()).toEqual(areas.map((area) => area.key).sort());
    expect(labels.map((label) => label.text).sort()).toEqual(areas.map((area) => area.name).sort());
    for (const label of labels) {
      expect(label.left >= map.left && label.right <= map.right && label.top >= map.top && label.bottom <= map.bottom, `${label.text} lies inside the map`).toBe(true);
      if (legend) expect(overlap(label, legend), `${label.text} is not under the legend`).toBe(false);
      for (const other of labels) {
        if (other.key !== label.key) expect(overlap(label, other), `${label.text} and ${other.text} do not overlap`).toBe(false);
      }
    }
  });
}
