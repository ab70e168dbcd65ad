import { describe, expect, it } from '@jest/globals';
import { areaCodePoint, cityPoint, distanceKm } from './geography.js';

describe('geography', () => {
  it('measures between cities in kilometres, the same city as 0', () => {
    const saoPaulo = areaCodePoint('11')!;
    expect(distanceKm(saoPaulo, cityPoint('São Paulo', 'SP')!)).toBe(0);
    expect(distanceKm(areaCodePoint('21')!, saoPaulo)).toBeGreaterThan(340);
    expect(distanceKm(areaCodePoint('21')!, saoPaulo)).toBeLessThan(380);
    expect(distanceKm(areaCodePoint('92')!, cityPoint('Porto Alegre', 'RS')!)).toBeGreaterThan(3000);
  });

  it('places a clinic by its city, accents and case ignored, or else by its state\'s capital', () => {
    expect(cityPoint('sao jose dos campos', 'SP')).toEqual(areaCodePoint('12'));
    expect(cityPoint('Guarulhos', 'SP')).toEqual(areaCodePoint('11'));
    expect(cityPoint('Niterói', 'RJ')).toEqual(areaCodePoint('21'));
    expect(cityPoint('Nowhere', 'XX')).toBeNull();
  });

  it('knows every DDD in use, and no other', () => {
    expect(areaCodePoint('20')).toBeNull();
    expect(['11', '27', '61', '68', '79', '95', '99'].every((code) => areaCodePoint(code) !== null)).toBe(true);
  });
});
