/**
 * The Media Session API: what the lock screen, the notification shade, a car or a headset
 * show and control while the live stream plays in the background. Browsers without it are
 * simply left alone.
 */

export interface SessionInfo {
  title: string;
  channel: string;
  artwork: string;
}

export interface SessionHandlers {
  play: () => void;
  pause: () => void;
  stop: () => void;
}

const supported = () => typeof navigator !== 'undefined' && 'mediaSession' in navigator && typeof MediaMetadata !== 'undefined';

/** Publishes the programme and takes the play, pause and stop actions. */
export function claimMediaSession(info: SessionInfo, handlers: SessionHandlers): void {
  if (!supported()) return;
  const session = navigator.mediaSession;
  session.metadata = new MediaMetadata({
    title: info.title,
    artist: info.channel,
    album: info.channel,
    artwork: info.artwork ? [{ src: new URL(info.artwork, document.baseURI).href }] : [],
  });
  const actions: [MediaSessionAction, (() => void) | null][] = [
    ['play', handlers.play],
    ['pause', handlers.pause],
    ['stop', handlers.stop],
    // A live stream cannot seek: no useless buttons on the lock screen.
    ['seekbackward', null],
    ['seekforward', null],
    ['seekto', null],
  ];
  for (const [action, handler] of actions) {
    try {
      session.setActionHandler(action, handler);
    } catch {
      // An action this browser does not know.
    }
  }
}

export function setSessionState(state: MediaSessionPlaybackState): void {
  if (supported()) navigator.mediaSession.playbackState = state;
}
