/**
 * The Turf functions Kleinraum uses, each from its own package. `@turf/turf`'s index imports all of Turf's
 * hundred modules, and some of them (jsts for buffer, rbush) are not marked free of side effects, so a
 * bundler keeps them: every CLI command and the server loaded about 600 kB of geometry code they never
 * ran. App code imports Turf from here; tests may use `@turf/turf` as an independent reference.
 */
export { area } from '@turf/area';
export { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
export { centerOfMass } from '@turf/center-of-mass';
export { distance } from '@turf/distance';
export { featureCollection, multiPolygon, point, polygon } from '@turf/helpers';
export { pointOnFeature } from '@turf/point-on-feature';
export { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
export { rewind } from '@turf/rewind';
export { simplify } from '@turf/simplify';
export { union } from '@turf/union';
export { unkinkPolygon } from '@turf/unkink-polygon';
