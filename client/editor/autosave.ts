/**
 * Draft autosave for the article form: 3 s after the last change it posts the form's fields
 * to `data-autosave-url` (one request at a time), keeps `version` current so the next save
 * does not conflict, and reports in the #autosave-status live region. A 409 (someone else
 * saved the story) stops autosaving; other failures are retried on the next change.
 */

export const AUTOSAVE_DELAY_MS = 3_000;

export interface AutosaveOptions {
  form: HTMLFormElement;
  url: string;
  status: HTMLElement | null;
  delayMs?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "HH:MM" in the browser's time zone. */
export function clockTime(iso: string): string {
  const at = new Date(iso);
  const when = Number.isNaN(at.getTime()) ? new Date() : at;
  return `${pad(when.getHours())}:${pad(when.getMinutes())}`;
}

function formBody(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') params.append(name, value);
  return params;
}

async function errorText(response: Response): Promise<string | null> {
  try {
    const body = (await response.json()) as unknown;
    const error = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).error : undefined;
    return typeof error === 'string' && error.trim() ? error.trim() : null;
  } catch {
    return null;
  }
}

export class Autosave {
  private timer: number | undefined;
  private inFlight: Promise<void> | null = null;
  /** Changes made while a save was running: they need another save. */
  private dirty = false;
  private stopped = false;
  private readonly delayMs: number;

  constructor(private readonly options: AutosaveOptions) {
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
    const { form } = options;
    // Typing in the other fields (headline, standfirst…) counts as a change too.
    form.addEventListener('input', () => this.changed());
    form.addEventListener('change', () => this.changed());
    form.addEventListener('submit', (event) => this.onSubmit(event));
  }

  /** Something changed: (re)start the quiet-period timer. */
  changed(): void {
    if (this.stopped) return;
    if (this.inFlight) this.dirty = true;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.save(), this.delayMs);
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.timer);
  }

  private say(text: string): void {
    if (this.options.status) this.options.status.textContent = text;
  }

  /** Saves now unless a save is running (then the change is saved after it). */
  save(): Promise<void> {
    window.clearTimeout(this.timer);
    if (this.stopped) return Promise.resolve();
    if (this.inFlight) {
      this.dirty = true;
      return this.inFlight;
    }
    this.dirty = false;
    this.inFlight = this.post().finally(() => {
      this.inFlight = null;
      if (this.dirty && !this.stopped) this.changed();
    });
    return this.inFlight;
  }

  private async post(): Promise<void> {
    const { form, url } = this.options;
    const token = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-csrf-token': token },
        body: formBody(form),
      });
    } catch {
      this.failed(null);
      return;
    }
    if (response.status === 409) {
      this.stop();
      this.say((await errorText(response)) ?? 'This story was changed elsewhere: autosave has stopped.');
      return;
    }
    if (!response.ok) {
      this.failed(response.status === 400 ? await errorText(response) : null);
      return;
    }
    let saved: { version?: unknown; savedAt?: unknown };
    try {
      saved = (await response.json()) as { version?: unknown; savedAt?: unknown };
    } catch {
      this.failed(null);
      return;
    }
    if (typeof saved.version !== 'number') {
      this.failed(null);
      return;
    }
    const version = form.querySelector<HTMLInputElement>('input[name="version"]');
    if (version) version.value = String(saved.version);
    this.say(`Draft saved at ${clockTime(typeof saved.savedAt === 'string' ? saved.savedAt : '')}`);
  }

  private failed(reason: string | null): void {
    // Nothing was saved: the next change (or one made while this request ran) tries again.
    this.say(reason ? `Autosave failed; your changes are still here (${reason})` : 'Autosave failed; your changes are still here');
  }

  /**
   * A real save (or publish) must carry the version a running autosave is about to return,
   * so the form waits for it and submits again with the same button.
   */
  private onSubmit(event: SubmitEvent): void {
    const running = this.inFlight;
    this.stop();
    if (!running) return;
    event.preventDefault();
    const submitter = event.submitter instanceof HTMLElement ? event.submitter : null;
    void running.finally(() => this.options.form.requestSubmit(submitter));
  }
}
