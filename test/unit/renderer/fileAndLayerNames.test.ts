import { describe, expect, it } from 'vitest';
import { defaultProjectFileName, fileNameOf, folderLabelOf } from '../../../renderer/dialogs/filePaths';
import { LAYER_NAME_PATTERN, layerIdentifier, layerTitleToStore } from '../../../renderer/import/layerNameInput';

// eslint-disable-next-line no-control-regex -- control characters are invalid on Windows too
const WINDOWS_INVALID = /[<>:"/\\|?*\u0000-\u001f]/;

describe('defaultProjectFileName', () => {
  it('proposes a name Windows accepts for the demo title', () => {
    const name = defaultProjectFileName('Demo: Region Hannover');
    expect(name).toBe('Demo - Region Hannover.gpkg');
    expect(name).not.toMatch(WINDOWS_INVALID);
  });
  it('replaces every refused character, trailing dots and device names', () => {
    for (const title of ['A/B\\C*?"<>|', 'Bericht.', '  ', 'CON', 'Zeile\tzwei']) {
      const name = defaultProjectFileName(title);
      const base = name.slice(0, -'.gpkg'.length);
      expect(name, title).not.toMatch(WINDOWS_INVALID);
      expect(base, title).not.toMatch(/[. ]$/);
      expect(base.length, title).toBeGreaterThan(0);
      expect(/^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i.test(base), title).toBe(false);
    }
  });
});

describe('recent list paths', () => {
  it('names the file and its folder', () => {
    expect(fileNameOf('/home/anna/projekte/2024/Bericht.gpkg')).toBe('Bericht.gpkg');
    expect(folderLabelOf('/home/anna/projekte/2024/Bericht.gpkg')).toBe('…/projekte/2024');
    expect(folderLabelOf('C:\\Daten\\Sozialplanung\\2024\\Bericht.gpkg')).toBe('…\\Sozialplanung\\2024');
    expect(folderLabelOf('/tmp/Bericht.gpkg')).toBe('/tmp');
  });
});

describe('layerIdentifier', () => {
  it('keeps a technical name and derives one from what users type', () => {
    expect(layerIdentifier('gemeinden_2024')).toBe('gemeinden_2024');
    expect(layerIdentifier('Stadtteile Süd')).toBe('stadtteile_sued');
    expect(layerIdentifier('Größe & Maß')).toBe('groesse_mass');
    expect(layerIdentifier('2024 Bezirke')).toBe('ebene_2024_bezirke');
  });
  it('refuses names without a letter or digit', () => {
    expect(layerIdentifier('')).toBeNull();
    expect(layerIdentifier('–––')).toBeNull();
  });
  it('always gives a name the backend accepts', () => {
    for (const typed of ['Ä', 'x y', '_a', 'Ortsteil (alt)', 'Über 65', 'wert']) {
      const identifier = layerIdentifier(typed);
      expect(identifier, typed).not.toBeNull();
      expect(identifier, typed).toMatch(LAYER_NAME_PATTERN);
    }
  });
});

describe('layerTitleToStore', () => {
  it('keeps a name typed in words as the title, a technical name or the untouched proposal not', () => {
    // "Kreise" is a valid technical name too, but it was typed as a title: before, "ebene_kreise" stayed the title.
    expect(layerTitleToStore('Kreise', '', 'ebene_kreise')).toBe('Kreise');
    expect(layerTitleToStore('Stadtteile Süd', '', 'stadtteile')).toBe('Stadtteile Süd');
    expect(layerTitleToStore('gemeinden_rh', '', 'vg250_gem')).toBe('');
    expect(layerTitleToStore('Gemeinden', '', 'Gemeinden')).toBe('');
    expect(layerTitleToStore('Kreise', '  Kreise Niedersachsen ', 'ebene_kreise')).toBe('Kreise Niedersachsen');
  });
});
