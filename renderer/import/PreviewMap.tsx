/**
 * A small SVG map of the boundaries that would be imported; areas with an invalid geometry are outlined red.
 */
import { useMemo } from 'react';
import type { FeatureCollection } from 'geojson';
import { useT } from '../AppContext';
import { drawPreview } from './previewGeometry';

const WIDTH = 360;
const HEIGHT = 280;

export function PreviewMap({ collection }: { collection: FeatureCollection }) {
  const t = useT();
  const drawing = useMemo(() => drawPreview(collection, WIDTH, HEIGHT, 'key'), [collection]);
  const invalid = useMemo(
    () =>
      new Set(
        collection.features.flatMap((feature, index) => (feature.properties?.['invalid'] === true ? [feature.id !== undefined ? String(feature.id) : String(index)] : [])),
      ),
    [collection],
  );
  return (
    <svg className="import-preview-map" data-testid="import-preview-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('import.previewMap')}>
      {drawing.shapes.map((shape) => (
        <path key={shape.id} d={shape.path} className={invalid.has(shape.id) ? 'import-shape import-shape-invalid' : 'import-shape'}>
          <title>{shape.title}</title>
        </path>
      ))}
    </svg>
  );
}
