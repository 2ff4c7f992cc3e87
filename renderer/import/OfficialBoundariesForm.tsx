/**
 * "Amtliche Grenzen laden (BKG)": the Kreis whose municipalities are fetched from BKG's VG250-EW service.
 * Region Hannover is the default; the list offers the Kreise of Niedersachsen, any 5-digit key works.
 */
import { useState } from 'react';
import { useT } from '../AppContext';

/** Kreise of Niedersachsen (key, name) as suggestions; the field takes any Kreis key of Germany. */
const KREISE_NIEDERSACHSEN: readonly [string, string][] = [
  ['03241', 'Region Hannover'],
  ['03101', 'Braunschweig'],
  ['03102', 'Salzgitter'],
  ['03103', 'Wolfsburg'],
  ['03151', 'Gifhorn'],
  ['03153', 'Goslar'],
  ['03154', 'Helmstedt'],
  ['03155', 'Northeim'],
  ['03157', 'Peine'],
  ['03158', 'Wolfenbüttel'],
  ['03159', 'Göttingen'],
  ['03251', 'Diepholz'],
  ['03252', 'Hameln-Pyrmont'],
  ['03254', 'Hildesheim'],
  ['03255', 'Holzminden'],
  ['03256', 'Nienburg (Weser)'],
  ['03257', 'Schaumburg'],
  ['03351', 'Celle'],
  ['03352', 'Cuxhaven'],
  ['03353', 'Harburg'],
  ['03354', 'Lüchow-Dannenberg'],
  ['03355', 'Lüneburg'],
  ['03356', 'Osterholz'],
  ['03357', 'Rotenburg (Wümme)'],
  ['03358', 'Heidekreis'],
  ['03359', 'Stade'],
  ['03360', 'Uelzen'],
  ['03361', 'Verden'],
  ['03401', 'Delmenhorst'],
  ['03402', 'Emden'],
  ['03403', 'Oldenburg (Oldenburg)'],
  ['03404', 'Osnabrück, Stadt'],
  ['03405', 'Wilhelmshaven'],
  ['03451', 'Ammerland'],
  ['03452', 'Aurich'],
  ['03453', 'Cloppenburg'],
  ['03454', 'Emsland'],
  ['03455', 'Friesland'],
  ['03456', 'Grafschaft Bentheim'],
  ['03457', 'Leer'],
  ['03458', 'Oldenburg, Landkreis'],
  ['03459', 'Osnabrück, Landkreis'],
  ['03460', 'Vechta'],
  ['03461', 'Wesermarsch'],
  ['03462', 'Wittmund'],
];

export function OfficialBoundariesForm({ onLoad }: { onLoad: (kreis: string) => void }) {
  const t = useT();
  const [kreis, setKreis] = useState('03241');
  const valid = /^\d{5}$/.test(kreis.trim());
  return (
    <section className="import-official" aria-labelledby="import-official-title">
      <h3 id="import-official-title">{t('import.official')}</h3>
      <p className="import-hint">{t('import.officialIntro')}</p>
      <div className="import-path-row">
        <label className="import-field import-grow">
          <span>{t('import.officialKreis')}</span>
          <input type="text" list="import-kreise" inputMode="numeric" value={kreis} data-testid="import-official-kreis" onChange={(event) => setKreis(event.target.value)} />
          <datalist id="import-kreise">
            {KREISE_NIEDERSACHSEN.map(([key, name]) => (
              <option key={key} value={key}>
                {name}
              </option>
            ))}
          </datalist>
        </label>
        <button type="button" className="button" data-testid="import-official-load" disabled={!valid} onClick={() => onLoad(kreis.trim())}>
          {t('import.officialLoad')}
        </button>
      </div>
    </section>
  );
}
