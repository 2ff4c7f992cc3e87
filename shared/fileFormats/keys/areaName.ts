/**
 * Matching areas by name when a table has no usable key. Names differ by source ("Hannover, Landeshauptstadt",
 * "Hannover"; "Neustadt a. Rbge.", "Neustadt am Rübenberge"; "Wennigsen (Deister)"). The results are
 * proposals for a person to confirm: a name match is never applied silently.
 */

const SUFFIXES = [
  'landeshauptstadt',
  'kreisfreie stadt',
  'stadt',
  'hansestadt',
  'universitätsstadt',
  'große kreisstadt',
  'gemeinde',
  'flecken',
  'landkreis',
  'kreis',
  'region',
  'samtgemeinde',
  'wissenschaftsstadt',
];

const ABBREVIATIONS: [RegExp, string][] = [
  [/\ba\.\s*rbge\.?/g, 'am rübenberge'],
  [/\ba\.\s*d\.\s*/g, 'an der '],
  [/\bi\.\s*d\.\s*/g, 'in der '],
  [/\ba\.\s*/g, 'am '],
  [/\bi\.\s*/g, 'im '],
  [/\bb\.\s*/g, 'bei '],
  [/\bst\.\s*/g, 'sankt '],
  [/\bv\.\s*d\.\s*/g, 'vor der '],
];

/**
 * Normalises a German area name for comparison: lower case, administrative suffixes after a comma removed,
 * common abbreviations expanded, umlauts folded (ä → ae), punctuation dropped.
 * @example normaliseAreaName('Hannover, Landeshauptstadt') // "hannover"
 * @example normaliseAreaName('Neustadt a. Rbge.') // "neustadt am ruebenberge"
 */
export function normaliseAreaName(name: string): string {
  let text = name.trim().toLowerCase().replace(/\s+/g, ' ');
  // Drop ", Stadt", ", Landeshauptstadt, Kreisfreie Stadt" … (one or more comma-separated suffixes).
  let changed = true;
  while (changed) {
    changed = false;
    for (const suffix of SUFFIXES) {
      if (text.endsWith(`, ${suffix}`)) {
        text = text.slice(0, -(suffix.length + 2)).trim();
        changed = true;
      }
    }
  }
  // Prefixes such as "Region" or "Landkreis" stay: "Region Hannover" must never equal the city "Hannover".
  for (const [pattern, replacement] of ABBREVIATIONS) text = text.replace(pattern, replacement);
  text = text.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  text = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return text.replace(/[^a-z0-9()]+/g, ' ').trim();
}

/** The normalised name without parenthesised parts: "wennigsen (deister)" → "wennigsen". */
function withoutParentheses(normalised: string): string {
  return normalised.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
}

export interface NameMatchProposal {
  rowName: string;
  areaKey: string;
  areaName: string;
  /** 'exact': same after normalisation; 'parentheses': equal when parenthesised parts are ignored. */
  kind: 'exact' | 'parentheses';
  confidence: number;
}

/**
 * Proposes an area for a row name. Returns every candidate; more than one means the name is ambiguous
 * (e.g. two "Neustadt"), and the person must choose.
 * @example proposeNameMatches('Neustadt a. Rbge.', [{ key: '03241012', name: 'Neustadt am Rübenberge' }])[0].areaKey // "03241012"
 */
export function proposeNameMatches(rowName: string, areas: readonly { key: string; name: string }[]): NameMatchProposal[] {
  const normalised = normaliseAreaName(rowName);
  if (normalised === '') return [];
  const exact = areas.filter((area) => normaliseAreaName(area.name) === normalised);
  if (exact.length > 0) {
    return exact.map((area) => ({ rowName, areaKey: area.key, areaName: area.name, kind: 'exact', confidence: exact.length === 1 ? 0.95 : 0.5 }));
  }
  const loose = withoutParentheses(normalised);
  const looseMatches = areas.filter((area) => withoutParentheses(normaliseAreaName(area.name)) === loose);
  return looseMatches.map((area) => ({ rowName, areaKey: area.key, areaName: area.name, kind: 'parentheses', confidence: looseMatches.length === 1 ? 0.8 : 0.4 }));
}
