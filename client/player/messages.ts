/**
 * The live player's words. The server imports this file to know which keys to translate into
 * the `data-messages` JSON of `[data-live-player]` (docs/live-player.md), so it holds plain
 * data and pure functions only: no DOM.
 *
 * `{name}` in a message is a placeholder the player fills in (`{seconds}`, `{audio}`,
 * `{video}`, `{percent}`, `{channel}`); a translation keeps the same placeholders.
 */

export const PLAYER_MESSAGES_EN = {
  /** The player's accessible name (a region); `{channel}` is data-channel. */
  player: 'Live player: {channel}',
  play: 'Play',
  pause: 'Pause',
  /** A toggle (aria-pressed); the label stays the same in both states. */
  mute: 'Mute',
  volume: 'Volume',
  /** A toggle, shown only when the stream carries subtitles. */
  captions: 'Captions',
  /** A toggle: switches between the video stream and the audio-only stream. */
  audioOnly: 'Audio only',
  /** A toggle. */
  fullscreen: 'Full screen',
  /** The badge next to the controls. */
  live: 'Live',
  keyboardHelp: 'Keyboard shortcuts: Space or K to play or pause, M to mute, F for full screen, C for captions, A for audio only, Up and Down arrows for volume.',
  connecting: 'Connecting to the live stream…',
  unavailable: 'The live stream is unavailable right now. Retrying in {seconds} s…',
  recovered: 'The live stream is back.',
  /** When the browser refuses to start playback without a click (autoplay rules). */
  pressPlay: 'Press Play to start the live stream.',
  unsupported: 'This browser cannot play the live stream here.',
  openStream: 'Open the stream',
  audioNotAvailable: 'Audio only is not available for this channel.',
  /** The data saved in audio-only mode, e.g. "about 64 kb/s instead of 1.2 Mb/s (95% less data)". */
  saving: 'Audio only: about {audio} instead of {video} ({percent} less data)',
} as const;

export type PlayerMessageKey = keyof typeof PLAYER_MESSAGES_EN;
export type PlayerMessages = Record<PlayerMessageKey, string>;

export const PLAYER_MESSAGES_ES: PlayerMessages = {
  player: 'Reproductor en directo: {channel}',
  play: 'Reproducir',
  pause: 'Pausa',
  mute: 'Silenciar',
  volume: 'Volumen',
  captions: 'Subtítulos',
  audioOnly: 'Solo audio',
  fullscreen: 'Pantalla completa',
  live: 'En directo',
  keyboardHelp: 'Atajos de teclado: Espacio o K para reproducir o pausar, M para silenciar, F para pantalla completa, C para subtítulos, A para solo audio, flechas arriba y abajo para el volumen.',
  connecting: 'Conectando con la emisión en directo…',
  unavailable: 'La emisión en directo no está disponible en este momento. Nuevo intento en {seconds} s…',
  recovered: 'La emisión en directo ha vuelto.',
  pressPlay: 'Pulse Reproducir para ver la emisión en directo.',
  unsupported: 'Este navegador no puede reproducir aquí la emisión en directo.',
  openStream: 'Abrir la emisión',
  audioNotAvailable: 'Este canal no ofrece la opción de solo audio.',
  saving: 'Solo audio: unos {audio} en lugar de {video} ({percent} menos de datos)',
};

/**
 * The messages from a `data-messages` attribute: every known key that holds a string wins,
 * anything missing, unknown or malformed falls back to English.
 */
export function resolveMessages(json: string | undefined): PlayerMessages {
  const messages: PlayerMessages = { ...PLAYER_MESSAGES_EN };
  if (!json) return messages;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return messages;
  }
  if (typeof parsed !== 'object' || parsed === null) return messages;
  for (const key of Object.keys(PLAYER_MESSAGES_EN) as PlayerMessageKey[]) {
    const value = (parsed as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim() !== '') messages[key] = value;
  }
  return messages;
}

/** Fills `{name}` placeholders; an unknown placeholder is left as written. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
