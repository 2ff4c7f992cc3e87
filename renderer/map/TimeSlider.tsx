/**
 * Under the map, for an indicator with several periods: the Stichtag as a slider with step buttons and
 * play/pause (one period per 1.2 s, stopping at the last). Changes the store's period like the top bar.
 */
import { useEffect, useState } from 'react';
import { useApp, useKleinraum, useLocale, useT } from '../AppContext';
import { formatDate } from '../../shared/format/number';

const PLAY_STEP_MILLISECONDS = 1200;

export function TimeSlider({ periods }: { periods: readonly string[] }) {
  const t = useT();
  const locale = useLocale();
  const { store } = useApp();
  const period = useKleinraum((state) => state.period);
  const [playing, setPlaying] = useState(false);
  const index = Math.max(0, period ? periods.indexOf(period) : periods.length - 1);

  useEffect(() => {
    if (!playing) return;
    let asked: string | null = null;
    const timer = setInterval(() => {
      const current = store.getState().period;
      const position = current ? periods.indexOf(current) : -1;
      // The last step was refused (the map went back, with a message): stop rather than ask again and again.
      const refused = asked !== null && current !== asked;
      if (refused || position >= periods.length - 1) {
        setPlaying(false);
        return;
      }
      asked = periods[position + 1] as string;
      store.getState().choosePeriod(asked);
    }, PLAY_STEP_MILLISECONDS);
    return () => clearInterval(timer);
  }, [playing, periods, store]);

  const choose = (position: number) => {
    const next = periods[Math.min(periods.length - 1, Math.max(0, position))];
    if (next) store.getState().choosePeriod(next);
  };

  return (
    <div className="time-slider" data-testid="time-slider">
      <button type="button" className="time-button" data-testid="time-previous" aria-label={t('map.time.previous')} title={t('map.time.previous')} disabled={index <= 0} onClick={() => choose(index - 1)}>
        <StepIcon direction="back" />
      </button>
      <button
        type="button"
        className="time-button"
        data-testid="time-play"
        aria-label={playing ? t('map.time.pause') : t('map.time.play')}
        title={playing ? t('map.time.pause') : t('map.time.play')}
        onClick={() => {
          // Playing from the last period starts again at the first.
          if (!playing && index >= periods.length - 1) choose(0);
          setPlaying(!playing);
        }}
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
      </button>
      <button type="button" className="time-button" data-testid="time-next" aria-label={t('map.time.next')} title={t('map.time.next')} disabled={index >= periods.length - 1} onClick={() => choose(index + 1)}>
        <StepIcon direction="forward" />
      </button>
      <input
        type="range"
        data-testid="time-range"
        min={0}
        max={periods.length - 1}
        step={1}
        value={index}
        aria-label={t('map.time.label')}
        aria-valuetext={period ? formatDate(period, locale) : ''}
        onChange={(event) => choose(Number(event.target.value))}
      />
      <span className="time-label" data-testid="time-label">
        {t('map.time.label')} {period ? formatDate(period, locale) : ''}
      </span>
    </div>
  );
}

// Icons drawn rather than typed: with "◀" beside "▶" the step back read as playing backwards, and |◀ ▶| read
// as "to the first / last Stichtag". A step is a chevron (one Stichtag back or on); play is the triangle.
function StepIcon({ direction }: { direction: 'back' | 'forward' }) {
  return (
    <svg className="time-icon" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d={direction === 'back' ? 'M8 1.5 3.5 6 8 10.5' : 'M4 1.5 8.5 6 4 10.5'} fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function PlayIcon() {
  return (
    <svg className="time-icon" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M2.5 1.5v9L10.5 6z" />
    </svg>
  );
}

function PauseIcon() {
  return (
    <svg className="time-icon" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M2.5 1.5h2.6v9H2.5zM6.9 1.5h2.6v9H6.9z" />
    </svg>
  );
}
