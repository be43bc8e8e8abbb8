/**
 * The player's own controls: real buttons with accessible names (toggles say their state with
 * aria-pressed and keep their label), a labelled volume slider, and the keyboard shortcuts
 * that work while focus is anywhere in the player. Only DOM here; what the buttons do is the
 * player's business (player.ts).
 */
import { el } from '../shared/dom.js';
import type { PlayerMessages } from './messages.js';

export type Action = 'playPause' | 'mute' | 'fullscreen' | 'captions' | 'audio' | 'volumeUp' | 'volumeDown';

type IconName = 'play' | 'pause' | 'volume' | 'muted' | 'captions' | 'fullscreen' | 'audio';

const ICONS: Record<IconName, string> = {
  play: 'M8 5v14l11-7z',
  pause: 'M6 5h4v14H6zm8 0h4v14h-4z',
  volume: 'M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z',
  muted: 'M3 9v6h4l5 5V4L7 9H3zm11.6.4 1.4-1.4 2.3 2.3 2.3-2.3 1.4 1.4-2.3 2.3 2.3 2.3-1.4 1.4-2.3-2.3-2.3 2.3-1.4-1.4 2.3-2.3z',
  captions: 'M19 4H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2zm-8 7H9.5v-.5h-2v3h2V13H11v1a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1v-4a1 1 0 0 1 1-1h3a1 1 0 0 1 1 1zm7 0h-1.5v-.5h-2v3h2V13H18v1a1 1 0 0 1-1 1h-3a1 1 0 0 1-1-1v-4a1 1 0 0 1 1-1h3a1 1 0 0 1 1 1z',
  fullscreen: 'M7 14H5v5h5v-2H7zm-2-4h2V7h3V5H5zm12 7h-3v2h5v-5h-2zM14 5v2h3v3h2V5z',
  audio: 'M12 3a9 9 0 0 0-9 9v7a2 2 0 0 0 2 2h2v-8H5v-1a7 7 0 0 1 14 0v1h-2v8h2a2 2 0 0 0 2-2v-7a9 9 0 0 0-9-9z',
};

const SVG = 'http://www.w3.org/2000/svg';

function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'player-icon');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[name]);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}

function button(className: string, label: string, iconName: IconName, toggle: boolean, visibleText = false): HTMLButtonElement {
  const attrs: Record<string, string> = { type: 'button' };
  if (toggle) attrs['aria-pressed'] = 'false';
  // A visible text is the accessible name itself; icon-only buttons get an aria-label.
  if (!visibleText) attrs['aria-label'] = label;
  return el('button', { class: `player-button ${className}`, attrs }, visibleText ? [icon(iconName), el('span', { text: label })] : [icon(iconName)]);
}

let nextId = 0;

export interface ControlsHandlers {
  action(action: Action): void;
  /** The slider moved: a volume from 0 to 1. */
  volume(value: number): void;
}

export class Controls {
  readonly element: HTMLElement;
  readonly play: HTMLButtonElement;
  readonly mute: HTMLButtonElement;
  readonly volume: HTMLInputElement;
  readonly captions: HTMLButtonElement;
  readonly audio: HTMLButtonElement;
  readonly fullscreen: HTMLButtonElement;
  private readonly volumeGroup: HTMLElement;

  constructor(
    private readonly messages: PlayerMessages,
    handlers: ControlsHandlers,
  ) {
    const id = `live-player-volume-${++nextId}`;
    this.play = button('player-play', messages.play, 'play', false);
    this.mute = button('player-mute', messages.mute, 'volume', true);
    this.volume = el('input', { class: 'player-volume', attrs: { id, type: 'range', min: '0', max: '100', step: '5', value: '100' } });
    this.volumeGroup = el('span', { class: 'player-volume-group' }, [el('label', { class: 'visually-hidden', text: messages.volume, attrs: { for: id } }), this.volume]);
    this.captions = button('player-captions', messages.captions, 'captions', true);
    this.captions.hidden = true;
    this.audio = button('player-audio-toggle', messages.audioOnly, 'audio', true, true);
    this.fullscreen = button('player-fullscreen', messages.fullscreen, 'fullscreen', true);
    const live = el('span', { class: 'player-live-badge', text: messages.live });

    this.element = el('div', { class: 'player-controls' }, [
      this.play,
      live,
      this.mute,
      this.volumeGroup,
      el('span', { class: 'player-controls-end' }, [this.captions, this.audio, this.fullscreen]),
    ]);

    const on = (target: HTMLElement, action: Action) => target.addEventListener('click', () => handlers.action(action));
    on(this.play, 'playPause');
    on(this.mute, 'mute');
    on(this.captions, 'captions');
    on(this.audio, 'audio');
    on(this.fullscreen, 'fullscreen');
    this.volume.addEventListener('input', () => handlers.volume(Number(this.volume.value) / 100));
  }

  setPlaying(playing: boolean): void {
    const label = playing ? this.messages.pause : this.messages.play;
    if (this.play.getAttribute('aria-label') === label) return;
    this.play.setAttribute('aria-label', label);
    this.play.replaceChildren(icon(playing ? 'pause' : 'play'));
  }

  setSound(muted: boolean, volume: number): void {
    const silent = muted || volume === 0;
    this.mute.setAttribute('aria-pressed', String(muted));
    this.mute.replaceChildren(icon(silent ? 'muted' : 'volume'));
    const percent = String(Math.round(volume * 100));
    if (this.volume.value !== percent) this.volume.value = percent;
    this.volume.setAttribute('aria-valuetext', `${percent}%`);
  }

  /** Phones that ignore a page's volume (iOS) get no slider that does nothing. */
  setVolumeAdjustable(adjustable: boolean): void {
    this.volumeGroup.hidden = !adjustable;
  }

  setCaptionsAvailable(available: boolean, on: boolean): void {
    this.captions.hidden = !available;
    this.captions.setAttribute('aria-pressed', String(available && on));
  }

  setAudio(on: boolean): void {
    this.audio.setAttribute('aria-pressed', String(on));
  }

  setFullscreen(available: boolean, on: boolean): void {
    this.fullscreen.hidden = !available;
    this.fullscreen.setAttribute('aria-pressed', String(on));
  }
}

/**
 * The shortcut a key press means, or null. Keys a focused control handles itself are left to
 * it: Space and Enter on a button or link, the arrows on the volume slider.
 */
export function shortcutFor(event: KeyboardEvent): Action | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target instanceof Element ? event.target : null;
  const onActivatable = target !== null && target.closest('button, a, summary') !== null;
  const onSlider = target instanceof HTMLInputElement;
  switch (event.key) {
    case ' ':
    case 'Spacebar':
      return onActivatable || onSlider ? null : 'playPause';
    case 'k':
    case 'K':
      return 'playPause';
    case 'm':
    case 'M':
      return 'mute';
    case 'f':
    case 'F':
      return 'fullscreen';
    case 'c':
    case 'C':
      return 'captions';
    case 'a':
    case 'A':
      return 'audio';
    case 'ArrowUp':
      return onSlider ? null : 'volumeUp';
    case 'ArrowDown':
      return onSlider ? null : 'volumeDown';
    default:
      return null;
  }
}
