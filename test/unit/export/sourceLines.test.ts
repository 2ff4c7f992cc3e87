import { describe, expect, it } from 'vitest';
import { sourceLabel } from '../../../shared/export/sourceLines';
describe('sourceLabel', () => {
  it('names the source and adds its attribution only where neither says the other', () => {
    expect(sourceLabel({ name: 'Einwohnermelderegister – Beispieldaten, synthetisch', attribution: 'Beispieldaten, synthetisch' })).toBe('Einwohnermelderegister – Beispieldaten, synthetisch');
    expect(sourceLabel({ name: 'Zensus 2022', attribution: '© Statistische Ämter des Bundes und der Länder, 2024' })).toBe('Zensus 2022 – © Statistische Ämter des Bundes und der Länder, 2024');
    expect(sourceLabel({ name: 'Testdaten', attribution: 'Testdaten, synthetisch' })).toBe('Testdaten, synthetisch');
    expect(sourceLabel({ name: '', attribution: 'Landesamt' })).toBe('Landesamt');
  });
});
