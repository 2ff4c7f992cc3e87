import { describe, expect, it } from 'vitest';
import { withoutCliHint } from '../../../shared/contract/errors';

describe('withoutCliHint', () => {
  it("drops the command line's flag hint, also one that holds brackets, and keeps the rest of the message", () => {
    expect(withoutCliHint('Bitte Ebene und Schlüsselspalte prüfen (CLI: --layer, --key).')).toBe('Bitte Ebene und Schlüsselspalte prüfen.');
    expect(withoutCliHint('Spalte „Alter (Jahre)“ als Merkmal wählen (CLI: --dimension "Alter (Jahre)=MERKMAL"). Danach erneut versuchen.')).toBe('Spalte „Alter (Jahre)“ als Merkmal wählen. Danach erneut versuchen.');
  });

  it('leaves messages without a hint as they are', () => {
    expect(withoutCliHint('Die Datei ist leer (0 Bytes).')).toBe('Die Datei ist leer (0 Bytes).');
  });
});
