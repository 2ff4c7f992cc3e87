/**
 * The text-encoding choice of the import wizard (boundaries and tables alike): "automatic" with what was
 * detected, or one of the encodings the importer reads.
 */
import { useT } from '../AppContext';

export const IMPORT_ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1', 'cp850'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export function EncodingSelect(props: { testId: string; value: ImportEncoding | undefined; detected: string | null | undefined; onChange: (encoding: ImportEncoding | undefined) => void }) {
  const t = useT();
  return (
    <select data-testid={props.testId} value={props.value ?? ''} onChange={(event) => props.onChange(IMPORT_ENCODINGS.find((encoding) => encoding === event.target.value))}>
      <option value="">
        {t('import.encodingAuto')}
        {props.detected ? `: ${props.detected}` : ''}
      </option>
      {IMPORT_ENCODINGS.map((encoding) => (
        <option key={encoding} value={encoding}>
          {encoding}
        </option>
      ))}
    </select>
  );
}
