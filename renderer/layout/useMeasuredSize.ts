/**
 * The size of the element behind the returned ref, in CSS pixels, kept current with a ResizeObserver
 * (`fallback` until it is laid out). For views that lay themselves out by the room they really have: charts
 * drawn one SVG unit per pixel, a legend that shortens itself on a small map.
 */
import { useCallback, useState } from 'react';

export interface MeasuredSize {
  width: number;
  height: number;
}

export function useMeasuredSize(fallback: MeasuredSize): [(element: HTMLElement | null) => void, MeasuredSize] {
  const [size, setSize] = useState(fallback);
  const ref = useCallback((element: HTMLElement | null) => {
    if (!element) return;
    const measure = () => {
      const width = element.clientWidth;
      const height = element.clientHeight;
      if (width <= 0) return;
      setSize((previous) => (previous.width === width && previous.height === height ? previous : { width, height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}
