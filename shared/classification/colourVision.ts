/**
 * Colour-vision check for class colours: simulates the three dichromacies (protanopia, deuteranopia,
 * tritanopia) and warns when two neighbouring classes become too similar to tell apart on a map.
 *
 * Simulation: Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of
 * Color Vision Deficiency", IEEE TVCG 15(6), matrices for severity 1.0, applied in linear RGB.
 * Difference: CIEDE2000 (Sharma, Wu & Dalal 2005) in CIELAB with the D65 white point.
 */
import type { LocalizedText } from '../model/project';
import { hexToRgb } from './palettes';

export type ColourVisionDeficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';
export const COLOUR_VISION_DEFICIENCIES: readonly ColourVisionDeficiency[] = ['deuteranopia', 'protanopia', 'tritanopia'];

type Matrix = readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]];

const MACHADO_2009_SEVERITY_1: Record<ColourVisionDeficiency, Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/**
 * Below this CIEDE2000 difference two fill colours on a map count as confusable. ΔE00 ≈ 1 is a
 * just-noticeable difference for large patches side by side; map areas are small and apart, so we ask
 * for about three. Measured here: RdYlGn's orange/green pair #fc8d59–#91cf60 falls from 49 to 2.6 under
 * deuteranopia (flagged), while every neighbour pair of Viridis with up to 9 classes stays ≥ 4.5 and of
 * ColorBrewer Blues ≥ 4.8 under all three dichromacies (not flagged). The tests pin both sides.
 */
export const INDISTINGUISHABLE_BELOW_DELTA_E00 = 3;

export interface ColourVisionWarning {
  deficiency: ColourVisionDeficiency;
  /** The two class indices (0-based) that become hard to tell apart. */
  classes: [number, number];
  /** CIEDE2000 between the simulated colours. */
  differenceDeltaE00: number;
  message: LocalizedText;
}

const deficiencyNames: Record<ColourVisionDeficiency, LocalizedText> = {
  protanopia: { de: 'Protanopie (Rotblindheit)', en: 'protanopia (red-blind)' },
  deuteranopia: { de: 'Deuteranopie (Grünblindheit)', en: 'deuteranopia (green-blind)' },
  tritanopia: { de: 'Tritanopie (Blaublindheit)', en: 'tritanopia (blue-blind)' },
};

/**
 * Checks class colours (low → high) for each dichromacy and returns one warning per pair that normal
 * vision tells apart but the dichromat would not.
 * Pairs checked: neighbouring classes, and for a diverging palette (`diverging: true`) also the mirror
 * pairs (class i and n−1−i), whose confusion would swap "above" and "below" the midpoint.
 * @example checkColourVision(['#fc8d59', '#91cf60']) // one deuteranopia warning (orange vs green, ΔE00 2.6)
 */
export function checkColourVision(colours: readonly string[], options: { diverging?: boolean; thresholdDeltaE00?: number } = {}): ColourVisionWarning[] {
  const threshold = options.thresholdDeltaE00 ?? INDISTINGUISHABLE_BELOW_DELTA_E00;
  const pairs: [number, number][] = [];
  for (let index = 1; index < colours.length; index++) pairs.push([index - 1, index]);
  if (options.diverging) {
    for (let index = 0; index < Math.floor(colours.length / 2); index++) {
      const mirror = colours.length - 1 - index;
      if (mirror - index > 1) pairs.push([index, mirror]);
    }
  }
  const warnings: ColourVisionWarning[] = [];
  const normalVision = colours.map((colour) => srgbToLab(hexToRgb(colour)));
  for (const deficiency of COLOUR_VISION_DEFICIENCIES) {
    const simulated = colours.map((colour) => srgbToLab(simulateDeficiency(hexToRgb(colour), deficiency)));
    for (const [first, second] of pairs) {
      const difference = ciede2000(simulated[first] as Lab, simulated[second] as Lab);
      // Only differences that the deficiency destroys: steps too fine for everyone (a 9-class grey ramp)
      // are a different problem with a different remedy (fewer classes).
      if (difference >= threshold || ciede2000(normalVision[first] as Lab, normalVision[second] as Lab) < threshold) continue;
      warnings.push({
        deficiency,
        classes: [first, second],
        differenceDeltaE00: difference,
        message: {
          de: `Bei ${deficiencyNames[deficiency].de} sind die Klassen ${first + 1} und ${second + 1} kaum zu unterscheiden. Bitte eine andere Farbpalette wählen, z. B. Viridis oder eine einfarbige Palette.`,
          en: `With ${deficiencyNames[deficiency].en}, classes ${first + 1} and ${second + 1} are hard to tell apart. Please choose another palette, e.g. Viridis or a single-hue palette.`,
        },
      });
    }
  }
  return warnings;
}

/**
 * Simulates how a person with the given dichromacy sees an sRGB colour (channels 0..255).
 * @example simulateDeficiency([255, 0, 0], 'deuteranopia') // a dark olive-brown
 */
export function simulateDeficiency(rgb: readonly [number, number, number], deficiency: ColourVisionDeficiency): [number, number, number] {
  const linear = rgb.map((channel) => srgbChannelToLinear(channel / 255));
  const matrix = MACHADO_2009_SEVERITY_1[deficiency];
  return matrix.map((row) => {
    const value = row[0] * (linear[0] as number) + row[1] * (linear[1] as number) + row[2] * (linear[2] as number);
    return linearChannelToSrgb(Math.min(1, Math.max(0, value))) * 255;
  }) as [number, number, number];
}

export type Lab = [number, number, number];

/** sRGB (0..255) → CIELAB (D65). @example srgbToLab([255, 255, 255]) // ≈ [100, 0, 0] */
export function srgbToLab(rgb: readonly [number, number, number]): Lab {
  const [red, green, blue] = rgb.map((channel) => srgbChannelToLinear(channel / 255)) as [number, number, number];
  const x = (0.4124564 * red + 0.3575761 * green + 0.1804375 * blue) / 0.95047;
  const y = 0.2126729 * red + 0.7151522 * green + 0.072175 * blue;
  const z = (0.0193339 * red + 0.119192 * green + 0.9503041 * blue) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function srgbChannelToLinear(channel: number): number {
  return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
}

function linearChannelToSrgb(channel: number): number {
  return channel <= 0.0031308 ? channel * 12.92 : 1.055 * channel ** (1 / 2.4) - 0.055;
}

/**
 * CIEDE2000 colour difference (kL = kC = kH = 1), as in Sharma, Wu & Dalal (2005).
 * @example ciede2000([50, 2.6772, -79.7751], [50, 0, -82.7485]) // 2.0425
 */
export function ciede2000(first: Lab, second: Lab): number {
  const [lightness1, a1, b1] = first;
  const [lightness2, a2, b2] = second;
  const degrees = Math.PI / 180;
  const chroma1 = Math.hypot(a1, b1);
  const chroma2 = Math.hypot(a2, b2);
  const meanChroma = (chroma1 + chroma2) / 2;
  const g = 0.5 * (1 - Math.sqrt(meanChroma ** 7 / (meanChroma ** 7 + 25 ** 7)));
  const aPrime1 = (1 + g) * a1;
  const aPrime2 = (1 + g) * a2;
  const chromaPrime1 = Math.hypot(aPrime1, b1);
  const chromaPrime2 = Math.hypot(aPrime2, b2);
  const hue = (a: number, b: number): number => (a === 0 && b === 0 ? 0 : (Math.atan2(b, a) / degrees + 360) % 360);
  const huePrime1 = hue(aPrime1, b1);
  const huePrime2 = hue(aPrime2, b2);
  const deltaLightness = lightness2 - lightness1;
  const deltaChroma = chromaPrime2 - chromaPrime1;
  let deltaHueAngle = 0;
  if (chromaPrime1 * chromaPrime2 !== 0) {
    deltaHueAngle = huePrime2 - huePrime1;
    if (deltaHueAngle > 180) deltaHueAngle -= 360;
    else if (deltaHueAngle < -180) deltaHueAngle += 360;
  }
  const deltaHue = 2 * Math.sqrt(chromaPrime1 * chromaPrime2) * Math.sin((deltaHueAngle / 2) * degrees);
  const meanLightness = (lightness1 + lightness2) / 2;
  const meanChromaPrime = (chromaPrime1 + chromaPrime2) / 2;
  let meanHue = huePrime1 + huePrime2;
  if (chromaPrime1 * chromaPrime2 !== 0) {
    if (Math.abs(huePrime1 - huePrime2) <= 180) meanHue /= 2;
    else meanHue = meanHue < 360 ? (meanHue + 360) / 2 : (meanHue - 360) / 2;
  }
  const t =
    1 -
    0.17 * Math.cos((meanHue - 30) * degrees) +
    0.24 * Math.cos(2 * meanHue * degrees) +
    0.32 * Math.cos((3 * meanHue + 6) * degrees) -
    0.2 * Math.cos((4 * meanHue - 63) * degrees);
  const deltaTheta = 30 * Math.exp(-(((meanHue - 275) / 25) ** 2));
  const rotationChroma = 2 * Math.sqrt(meanChromaPrime ** 7 / (meanChromaPrime ** 7 + 25 ** 7));
  const lightnessWeight = 1 + (0.015 * (meanLightness - 50) ** 2) / Math.sqrt(20 + (meanLightness - 50) ** 2);
  const chromaWeight = 1 + 0.045 * meanChromaPrime;
  const hueWeight = 1 + 0.015 * meanChromaPrime * t;
  const rotation = -Math.sin(2 * deltaTheta * degrees) * rotationChroma;
  return Math.sqrt(
    (deltaLightness / lightnessWeight) ** 2 +
      (deltaChroma / chromaWeight) ** 2 +
      (deltaHue / hueWeight) ** 2 +
      rotation * (deltaChroma / chromaWeight) * (deltaHue / hueWeight),
  );
}
