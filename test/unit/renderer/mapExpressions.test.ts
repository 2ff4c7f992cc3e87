import { describe, expect, it } from 'vitest';
import { fillColourExpression, keysFilter, NO_DATA_COLOUR } from '../../../renderer/map/choropleth';

describe('fillColourExpression', () => {
  it('matches area keys to colours with the no-data colour as fallback', () => {
    const expression = fillColourExpression(new Map([['03241001', '#253494']]));
    expect(expression).toEqual(['match', ['to-string', ['get', 'key']], '03241001', '#253494', NO_DATA_COLOUR]);
  });

  it('is a constant no-data colour when nothing is classified', () => {
    expect(fillColourExpression(new Map())).toEqual(['literal', NO_DATA_COLOUR]);
  });
});

describe('keysFilter', () => {
  it('matches the given keys as strings', () => {
    expect(keysFilter(['a', 'b'])).toEqual(['in', ['to-string', ['get', 'key']], ['literal', ['a', 'b']]]);
  });
});
