// Areas of one name (VG5000: the city and the Landkreis of München) are told apart by their BKG
// designation, as German statistics do; every other name stays as the file gives it.
import { describe, expect, it } from 'vitest';
import { distinctNames } from '../../../shared/fileFormats/boundaries/buildAreas';

describe('distinctNames', () => {
  it('adds the designation to names two areas share, and only there', () => {
    expect(
      distinctNames([
        { name: 'München', designation: 'Kreisfreie Stadt' },
        { name: 'München', designation: 'Landkreis' },
        { name: 'Region Hannover', designation: 'Kreis' },
      ]),
    ).toEqual(['München, Kreisfreie Stadt', 'München, Landkreis', 'Region Hannover']);
  });

  it('leaves names alike that the designation cannot tell apart, and areas without one', () => {
    expect(
      distinctNames([
        { name: 'Neustadt', designation: 'Stadt' },
        { name: 'Neustadt', designation: 'Stadt' },
        { name: 'Neustadt', designation: 'Gemeinde' },
        { name: 'Au', designation: '' },
        { name: 'Au', designation: '' },
      ]),
    ).toEqual(['Neustadt', 'Neustadt', 'Neustadt, Gemeinde', 'Au', 'Au']);
  });
});
