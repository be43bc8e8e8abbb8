/**
 * The newsroom's live TV screens: channels (with the last check of their streams),
 * programmes (with their linked stories) and the schedule editor (weekly slots and specials,
 * in the channel's own time zone). Every form keeps what was typed when it is refused, with
 * the reasons right above it.
 */
import type { Channel, Programme } from '../../core/channels.js';
import type { MediaAsset } from '../../core/media.js';
import type { Special, WeeklySlot } from '../../core/schedule.js';
import { WEEKDAYS, formatClock, formatLocalDateTime, parseClock, toLocal, weekdaysOf } from '../../core/schedule.js';
import type { AiringView, ChannelAdmin, ProgrammeAdmin } from '../../services/live.js';
import type { AdminContext } from './AdminLayout.js';
import { AdminLayout, Csrf, Messages } from './AdminLayout.js';
import { LanguageSelect, NameAndSlugFields, languageName } from './fields.js';
import type { ImageOption } from './CatalogViews.js';

const WEEKDAY_SHORT: Record<number, string> = { 1: 'Mon', 2: 'Tue', 3: 'Wed', 4: 'Thu', 5: 'Fri', 6: 'Sat', 7: 'Sun' };
const WEEKDAY_LONG: Record<number, string> = { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday', 6: 'Saturday', 7: 'Sunday' };

export interface ChannelForm {
  name: string;
  slug: string;
  language: string;
  masterUrl: string;
  audioUrl: string;
  /** '' for none. */
  posterMediaId: string;
  timeZone: string;
  description: string;
}

export interface ProgrammeForm {
  title: string;
  slug: string;
  description: string;
  artworkMediaId: string;
}

export interface SlotForm {
  programmeId: string;
  weekdays: string[];
  start: string;
  durationMinutes: string;
  validFrom: string;
  validUntil: string;
}

export interface SpecialForm {
  programmeId: string;
  start: string;
  durationMinutes: string;
}

/** Which form a refusal belongs to, and why: shown next to that form. */
export interface FormErrors<K extends string> {
  form: K;
  messages: string[];
}

export const blankProgrammeForm: ProgrammeForm = { title: '', slug: '', description: '', artworkMediaId: '' };
export const blankSlotForm: SlotForm = { programmeId: '', weekdays: [], start: '', durationMinutes: '60', validFrom: '', validUntil: '' };
export const blankSpecialForm: SpecialForm = { programmeId: '', start: '', durationMinutes: '60' };

const errorsFor = <K extends string>(errors: FormErrors<K> | undefined, form: K): string[] | undefined => (errors?.form === form ? errors.messages : undefined);

const endOf = (slot: Pick<WeeklySlot, 'start' | 'durationMinutes'>): string => {
  const start = parseClock(slot.start) ?? 0;
  const end = start + slot.durationMinutes;
  return `${formatClock(end)}${end >= 1440 ? ' (next day)' : ''}`;
};

export const slotDays = (mask: number): string => {
  const days = weekdaysOf(mask);
  if (days.length === 7) return 'Every day';
  if (days.length === 5 && days.every((d) => d <= 5)) return 'Weekdays';
  if (days.length === 2 && days.every((d) => d >= 6)) return 'Weekends';
  return days.map((d) => WEEKDAY_SHORT[d]).join(', ');
};

function StreamReport({ ctx, channel }: { ctx: AdminContext; channel: Channel }) {
  const label = channel.playlistStatus === 'ok' ? 'Streams answer' : channel.playlistStatus === 'flagged' ? 'Check the stream addresses' : 'Not checked yet';
  return (
    <section aria-labelledby="stream-title" class="live-stream-check">
      <h2 id="stream-title">Stream check</h2>
      <p>
        <span class={`status ${channel.playlistStatus === 'ok' ? 'status-published' : 'status-scheduled'}`}>{label}</span>
        {channel.checkedAt && <span class="hint"> Last checked {formatLocalDateTime(channel.checkedAt, ctx.timeZone).replace('T', ' ')} ({ctx.timeZone}).</span>}
      </p>
      {channel.playlistReport.length > 0 && (
        <ul class="live-checks">
          {channel.playlistReport.map((c) => (
            <li key={c.role} class={c.ok ? 'check-ok' : 'check-flagged'}>
              <strong>{c.role === 'master' ? 'Master playlist' : 'Audio only'}</strong> (<code>{c.url}</code>): {c.ok ? '' : 'Warning: '}
              {c.message}
            </li>
          ))}
        </ul>
      )}
      {channel.playlistStatus === 'flagged' && <p class="hint">The channel is saved anyway, so it can be set up before the broadcast starts; readers see the player, which retries until the stream answers.</p>}
      <form method="post" action={`/admin/live/channels/${channel.id}/check`}>
        <Csrf ctx={ctx} />
        <button type="submit">Check the streams again</button>
      </form>
    </section>
  );
}

export function LiveChannelsPage({ ctx, rows, errors, notice }: { ctx: AdminContext; rows: Array<{ channel: Channel; programmes: number; onAir: AiringView | undefined; primary: boolean }>; errors?: string[] | undefined; notice?: string | undefined }) {
  return (
    <AdminLayout ctx={ctx} title="Live TV">
      <div class="page-head">
        <h1>Live TV</h1>
        <a href="/admin/live/channels/new" class="button primary">
          New channel
        </a>
      </div>
      <Messages errors={errors} notice={notice} />
      <p class="hint">Each language edition shows its first channel on its live page (/live, /es/live); reorder to change which. The schedule is published at /schedule and as XMLTV at /schedule.xml.</p>
      {rows.length === 0 ? (
        <p class="empty">No channel yet: readers see an “off air” page. Create one to start.</p>
      ) : (
        <table class="admin-table">
          <caption>Channels by language, in order</caption>
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Language</th>
              <th scope="col">On now</th>
              <th scope="col">Streams</th>
              <th scope="col">Order</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.channel.id}>
                <th scope="row">
                  <a href={`/admin/live/channels/${r.channel.id}`}>{r.channel.name}</a>
                  {r.primary && <small> (primary)</small>}
                </th>
                <td>{languageName(r.channel.language)}</td>
                <td>{r.onAir ? r.onAir.programme.title : <span class="hint">nothing scheduled</span>}</td>
                <td>
                  <span class={`status ${r.channel.playlistStatus === 'ok' ? 'status-published' : 'status-scheduled'}`}>{r.channel.playlistStatus === 'ok' ? 'ok' : r.channel.playlistStatus === 'flagged' ? 'flagged' : 'unchecked'}</span>
                </td>
                <td>
                  <form method="post" action={`/admin/live/channels/${r.channel.id}/move`} class="inline-form catalog-move">
                    <Csrf ctx={ctx} />
                    <button type="submit" name="direction" value="up">
                      Up<span class="visually-hidden"> (move {r.channel.name} before the channel above it)</span>
                    </button>
                    <button type="submit" name="direction" value="down">
                      Down<span class="visually-hidden"> (move {r.channel.name} after the channel below it)</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

function ImageSelect({ id, name, value, images, hint }: { id: string; name: string; value: string; images: ImageOption[]; hint: string }) {
  return (
    <>
      <select id={id} name={name} aria-describedby={`${id}-hint`}>
        <option value="">None</option>
        {images.map((img) => (
          <option key={img.id} value={String(img.id)} selected={value === String(img.id)}>
            {img.label}
          </option>
        ))}
      </select>
      <p class="hint" id={`${id}-hint`}>
        {hint} Upload it in <a href="/admin/media">Media</a> first, with alt text, then choose it here.
      </p>
    </>
  );
}

function ChannelFields({ form, images, timeZones }: { form: ChannelForm; images: ImageOption[]; timeZones: readonly string[] }) {
  return (
    <>
      <div class="field-grid">
        <NameAndSlugFields idPrefix="channel" name={{ value: form.name }} slug={{ value: form.slug, label: 'in schedule addresses; leave blank to make it from the name' }} />
        <div>
          <label for="channel-language">Edition</label>
          <LanguageSelect id="channel-language" value={form.language} />
        </div>
        <div>
          <label for="channel-zone">Time zone of the schedule (IANA name)</label>
          <input id="channel-zone" name="timeZone" required maxLength={64} list="time-zones" value={form.timeZone} placeholder="America/Caracas" aria-describedby="channel-zone-hint" autocomplete="off" />
          <p class="hint" id="channel-zone-hint">
            Slot times are wall-clock times here; readers see them in their own zone.
          </p>
          <datalist id="time-zones">
            {timeZones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
      </div>
      <label for="channel-master">HLS master playlist address</label>
      <input id="channel-master" name="masterUrl" type="url" required maxLength={2000} placeholder="https://…/master.m3u8" value={form.masterUrl} aria-describedby="channel-master-hint" />
      <p class="hint" id="channel-master-hint">
        Checked when you save: it must answer with a playlist starting <code>#EXTM3U</code>. One that does not answer is flagged, not refused.
      </p>
      <label for="channel-audio">Audio-only stream address (optional)</label>
      <input id="channel-audio" name="audioUrl" type="url" maxLength={2000} placeholder="https://…/audio.m3u8" value={form.audioUrl} />
      <div class="catalog-photo">
        <div>
          <label for="channel-poster">Poster (shown before playback)</label>
          <ImageSelect id="channel-poster" name="posterMediaId" value={form.posterMediaId} images={images} hint="A 16:9 image works best." />
        </div>
      </div>
      <label for="channel-description">Description</label>
      <textarea id="channel-description" name="description" rows={3} maxLength={2000}>
        {form.description}
      </textarea>
    </>
  );
}

export function ChannelNewPage({ ctx, form, images, timeZones, errors }: { ctx: AdminContext; form: ChannelForm; images: ImageOption[]; timeZones: readonly string[]; errors?: string[] | undefined }) {
  return (
    <AdminLayout ctx={ctx} title="New channel">
      <div class="page-head">
        <h1>New channel</h1>
        <a href="/admin/live">All channels</a>
      </div>
      <Messages errors={errors} />
      <form method="post" action="/admin/live/channels" class="catalog-form">
        <Csrf ctx={ctx} />
        <ChannelFields form={form} images={images} timeZones={timeZones} />
        <div class="actions">
          <button type="submit" class="primary">
            Create channel
          </button>
        </div>
      </form>
    </AdminLayout>
  );
}

export type ChannelPageForm = 'channel' | 'programme' | 'delete';

export function ChannelEditPage({
  ctx,
  m,
  livePath,
  form,
  programmeForm,
  images,
  timeZones,
  errors,
  notice,
}: {
  ctx: AdminContext;
  m: ChannelAdmin;
  livePath: string;
  form: ChannelForm;
  programmeForm: ProgrammeForm;
  images: ImageOption[];
  timeZones: readonly string[];
  errors?: FormErrors<ChannelPageForm> | undefined;
  notice?: string | undefined;
}) {
  const c = m.channel;
  const slotsOf = (p: Programme) => m.slots.filter((s) => s.programmeId === p.id).length;
  return (
    <AdminLayout ctx={ctx} title={`Channel: ${c.name}`}>
      <div class="page-head">
        <h1>Channel: {c.name}</h1>
        <a href={livePath} class="button">
          View live page
        </a>
        <a href={`/admin/live/channels/${c.id}/schedule`} class="button">
          Schedule
        </a>
        <a href="/admin/live">All channels</a>
      </div>
      <Messages notice={notice} />
      <p>
        On now: {m.onAir ? <strong>{m.onAir.programme.title}</strong> : <span class="hint">nothing scheduled</span>}
      </p>
      <StreamReport ctx={ctx} channel={c} />

      <section aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        <Messages errors={errorsFor(errors, 'channel')} />
        <form method="post" action={`/admin/live/channels/${c.id}`} class="catalog-form">
          <Csrf ctx={ctx} />
          <ChannelFields form={form} images={images} timeZones={timeZones} />
          <div class="actions">
            <button type="submit" class="primary">
              Save channel
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="programmes-title">
        <h2 id="programmes-title">Programmes</h2>
        {m.programmes.length === 0 ? (
          <p class="empty">No programmes yet: add one, then place it in the schedule.</p>
        ) : (
          <table class="admin-table">
            <caption>Programmes of {c.name}, by title</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Weekly slots</th>
              </tr>
            </thead>
            <tbody>
              {m.programmes.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <a href={`/admin/live/programmes/${p.id}`}>{p.title}</a>
                  </th>
                  <td>{slotsOf(p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3 id="add-programme-title">Add a programme</h3>
        <Messages errors={errorsFor(errors, 'programme')} />
        <form method="post" action={`/admin/live/channels/${c.id}/programmes`} class="catalog-form" aria-labelledby="add-programme-title">
          <Csrf ctx={ctx} />
          <ProgrammeFields form={programmeForm} images={images} />
          <div class="actions">
            <button type="submit" class="primary">
              Add programme
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="delete-title">
        <h2 id="delete-title">Delete</h2>
        <Messages errors={errorsFor(errors, 'delete')} />
        <p class="hint">Deleting the channel deletes its {m.programmes.length} programmes, its schedule and their story links. Stories themselves stay.</p>
        <form method="post" action={`/admin/live/channels/${c.id}/delete`}>
          <Csrf ctx={ctx} />
          <button type="submit" class="danger">
            Delete channel
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}

function ProgrammeFields({ form, images }: { form: ProgrammeForm; images: ImageOption[] }) {
  return (
    <>
      <div class="field-grid">
        <NameAndSlugFields idPrefix="programme" name={{ value: form.title, field: 'title', label: 'Title', maxLength: 200 }} slug={{ value: form.slug, label: 'its page address; leave blank to make it from the title' }} />
      </div>
      <label for="programme-description">Description (shown on its page, the schedule and in TV guides)</label>
      <textarea id="programme-description" name="description" rows={4} maxLength={4000}>
        {form.description}
      </textarea>
      <label for="programme-artwork">Artwork</label>
      <ImageSelect id="programme-artwork" name="artworkMediaId" value={form.artworkMediaId} images={images} hint="Shown on its page and by the player in audio-only mode." />
    </>
  );
}

function ProgrammeSelect({ id, programmes, value }: { id: string; programmes: Programme[]; value: string }) {
  return (
    <select id={id} name="programmeId" required>
      <option value="">Choose a programme</option>
      {programmes.map((p) => (
        <option key={p.id} value={String(p.id)} selected={value === String(p.id)}>
          {p.title}
        </option>
      ))}
    </select>
  );
}

export type SchedulePageForm = 'slot' | 'special' | 'remove';

export function ScheduleEditPage({
  ctx,
  m,
  slotForm,
  specialForm,
  errors,
  notice,
}: {
  ctx: AdminContext;
  m: ChannelAdmin;
  slotForm: SlotForm;
  specialForm: SpecialForm;
  errors?: FormErrors<SchedulePageForm> | undefined;
  notice?: string | undefined;
}) {
  const c = m.channel;
  const title = (id: number) => m.programmes.find((p) => p.id === id)?.title ?? `#${id}`;
  const slots = [...m.slots].sort((a, b) => a.start.localeCompare(b.start) || a.weekdays - b.weekdays);
  return (
    <AdminLayout ctx={ctx} title={`Schedule: ${c.name}`}>
      <div class="page-head">
        <h1>Schedule: {c.name}</h1>
        <a href={`/admin/live/channels/${c.id}`}>Channel settings and programmes</a>
      </div>
      <Messages notice={notice} errors={errorsFor(errors, 'remove')} />
      <p class="hint">
        Times are wall-clock times in <strong>{c.timeZone}</strong>. A slot ends at its start plus its duration on the clock, so back-to-back slots stay back to back when daylight saving time changes; a start that does not exist that night (the spring-forward hour) begins when the clocks have gone forward, and one that happens twice (the fall-back hour) begins the first time. Specials replace whatever weekly slot they overlap.
      </p>
      {m.programmes.length === 0 && (
        <p class="empty">
          Add programmes on the <a href={`/admin/live/channels/${c.id}`}>channel page</a> first.
        </p>
      )}

      <section aria-labelledby="weekly-title">
        <h2 id="weekly-title">Weekly slots</h2>
        {slots.length === 0 ? (
          <p class="empty">No weekly slots yet.</p>
        ) : (
          <table class="admin-table">
            <caption>Weekly slots by start time</caption>
            <thead>
              <tr>
                <th scope="col">Days</th>
                <th scope="col">Start</th>
                <th scope="col">End</th>
                <th scope="col">Programme</th>
                <th scope="col">Dates</th>
                <th scope="col">Remove</th>
              </tr>
            </thead>
            <tbody>
              {slots.map((s) => (
                <tr key={s.id}>
                  <td>{slotDays(s.weekdays)}</td>
                  <td>{s.start}</td>
                  <td>{endOf(s)}</td>
                  <th scope="row">{title(s.programmeId)}</th>
                  <td>{s.validFrom || s.validUntil ? `${s.validFrom ?? '…'} to ${s.validUntil ?? '…'}` : 'always'}</td>
                  <td>
                    <form method="post" action={`/admin/live/slots/${s.id}/delete`}>
                      <Csrf ctx={ctx} />
                      <button type="submit">
                        Remove<span class="visually-hidden">
                          {' '}
                          {title(s.programmeId)} at {s.start}, {slotDays(s.weekdays)}
                        </span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3 id="add-slot-title">Add a weekly slot</h3>
        <Messages errors={errorsFor(errors, 'slot')} />
        <form method="post" action={`/admin/live/channels/${c.id}/slots`} class="catalog-form" aria-labelledby="add-slot-title">
          <Csrf ctx={ctx} />
          <div class="field-grid">
            <div>
              <label for="slot-programme">Programme</label>
              <ProgrammeSelect id="slot-programme" programmes={m.programmes} value={slotForm.programmeId} />
            </div>
            <div>
              <label for="slot-start">Start (24-hour, {c.timeZone})</label>
              <input id="slot-start" name="start" type="time" required value={slotForm.start} />
            </div>
            <div>
              <label for="slot-duration">Duration in minutes</label>
              <input id="slot-duration" name="durationMinutes" type="number" min={1} max={1440} step={1} required value={slotForm.durationMinutes} />
            </div>
          </div>
          <fieldset class="live-weekdays">
            <legend>Days</legend>
            {WEEKDAYS.map((d) => (
              <label key={d} class="checkbox">
                <input type="checkbox" name="weekday" value={String(d)} checked={slotForm.weekdays.includes(String(d))} /> {WEEKDAY_LONG[d]}
              </label>
            ))}
          </fieldset>
          <div class="field-grid">
            <div>
              <label for="slot-from">First day (optional)</label>
              <input id="slot-from" name="validFrom" type="date" value={slotForm.validFrom} />
            </div>
            <div>
              <label for="slot-until">Last day (optional)</label>
              <input id="slot-until" name="validUntil" type="date" value={slotForm.validUntil} />
            </div>
          </div>
          <div class="actions">
            <button type="submit" class="primary">
              Add slot
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="specials-title">
        <h2 id="specials-title">Specials</h2>
        <SpecialsTable ctx={ctx} specials={m.specials} timeZone={c.timeZone} title={title} />
        <h3 id="add-special-title">Add a special</h3>
        <Messages errors={errorsFor(errors, 'special')} />
        <form method="post" action={`/admin/live/channels/${c.id}/specials`} class="catalog-form" aria-labelledby="add-special-title">
          <Csrf ctx={ctx} />
          <div class="field-grid">
            <div>
              <label for="special-programme">Programme</label>
              <ProgrammeSelect id="special-programme" programmes={m.programmes} value={specialForm.programmeId} />
            </div>
            <div>
              <label for="special-start">Starts ({c.timeZone})</label>
              <input id="special-start" name="start" type="datetime-local" required value={specialForm.start} />
            </div>
            <div>
              <label for="special-duration">Duration in minutes</label>
              <input id="special-duration" name="durationMinutes" type="number" min={1} max={1440} step={1} required value={specialForm.durationMinutes} />
            </div>
          </div>
          <div class="actions">
            <button type="submit" class="primary">
              Add special
            </button>
          </div>
        </form>
      </section>
    </AdminLayout>
  );
}

function SpecialsTable({ ctx, specials, timeZone, title }: { ctx: AdminContext; specials: Special[]; timeZone: string; title: (id: number) => string }) {
  if (specials.length === 0) return <p class="empty">No specials coming up.</p>;
  return (
    <table class="admin-table">
      <caption>Specials that have not ended, soonest first</caption>
      <thead>
        <tr>
          <th scope="col">Starts</th>
          <th scope="col">Duration</th>
          <th scope="col">Programme</th>
          <th scope="col">Remove</th>
        </tr>
      </thead>
      <tbody>
        {specials.map((s) => {
          const l = toLocal(s.startsAt, timeZone);
          return (
            <tr key={s.id}>
              <td>
                {WEEKDAY_SHORT[l.weekday]} {l.date} {l.time}
              </td>
              <td>{s.durationMinutes} min</td>
              <th scope="row">{title(s.programmeId)}</th>
              <td>
                <form method="post" action={`/admin/live/specials/${s.id}/delete`}>
                  <Csrf ctx={ctx} />
                  <button type="submit">
                    Remove<span class="visually-hidden">
                      {' '}
                      the special {title(s.programmeId)} on {l.date} at {l.time}
                    </span>
                  </button>
                </form>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export type ProgrammePageForm = 'programme' | 'story';

export function ProgrammeEditPage({
  ctx,
  m,
  pageUrl,
  form,
  storyRef,
  images,
  errors,
  notice,
}: {
  ctx: AdminContext;
  m: ProgrammeAdmin;
  pageUrl: string;
  form: ProgrammeForm;
  storyRef: string;
  images: ImageOption[];
  errors?: FormErrors<ProgrammePageForm> | undefined;
  notice?: string | undefined;
}) {
  const p = m.programme;
  return (
    <AdminLayout ctx={ctx} title={`Programme: ${p.title}`}>
      <div class="page-head">
        <h1>Programme: {p.title}</h1>
        <a href={pageUrl} class="button">
          View its page
        </a>
        <a href={`/admin/live/channels/${m.channel.id}`}>{m.channel.name}</a>
      </div>
      <Messages notice={notice} />
      <section aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        <Messages errors={errorsFor(errors, 'programme')} />
        <form method="post" action={`/admin/live/programmes/${p.id}`} class="catalog-form">
          <Csrf ctx={ctx} />
          <ProgrammeFields form={form} images={images} />
          {m.artwork && <ArtworkPreview artwork={m.artwork} title={p.title} />}
          <div class="actions">
            <button type="submit" class="primary">
              Save programme
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="when-title">
        <h2 id="when-title">When it airs</h2>
        {m.slots.length === 0 && m.specials.length === 0 ? (
          <p class="empty">Not in the schedule.</p>
        ) : (
          <ul>
            {m.slots.map((s) => (
              <li key={`slot-${s.id}`}>
                {slotDays(s.weekdays)}, {s.start}–{endOf(s)}
              </li>
            ))}
            {m.specials.map((s) => {
              const l = toLocal(s.startsAt, m.channel.timeZone);
              return (
                <li key={`special-${s.id}`}>
                  Special: {l.date} {l.time}, {s.durationMinutes} min
                </li>
              );
            })}
          </ul>
        )}
        <p>
          <a href={`/admin/live/channels/${m.channel.id}/schedule`}>Edit the schedule</a> (times in {m.channel.timeZone})
        </p>
      </section>

      <section aria-labelledby="stories-title">
        <h2 id="stories-title">Stories</h2>
        <p class="hint">Published stories linked here are listed on the programme’s page.</p>
        {m.stories.length === 0 ? (
          <p class="empty">No stories linked.</p>
        ) : (
          <ul class="live-stories">
            {m.stories.map((s) => (
              <li key={s.id}>
                <a href={`/admin/articles/${s.id}`}>{s.headline}</a> <span class="hint">({s.url ? 'published' : `${s.status}: not shown until published`})</span>
                <form method="post" action={`/admin/live/programmes/${p.id}/stories/${s.id}/delete`} class="inline-form">
                  <Csrf ctx={ctx} />
                  <button type="submit">
                    Unlink<span class="visually-hidden"> {s.headline}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <Messages errors={errorsFor(errors, 'story')} />
        <form method="post" action={`/admin/live/programmes/${p.id}/stories`} class="inline-form">
          <Csrf ctx={ctx} />
          <label for="story-ref">Story number or address</label>
          <input id="story-ref" name="story" required maxLength={500} value={storyRef} placeholder="1234 or https://…/news/…" />
          <button type="submit">Link story</button>
        </form>
      </section>

      <section aria-labelledby="delete-title">
        <h2 id="delete-title">Delete</h2>
        <p class="hint">Deleting the programme takes it out of the schedule and unlinks its stories.</p>
        <form method="post" action={`/admin/live/programmes/${p.id}/delete`}>
          <Csrf ctx={ctx} />
          <button type="submit" class="danger">
            Delete programme
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}

function ArtworkPreview({ artwork, title }: { artwork: MediaAsset; title: string }) {
  return <img class="live-artwork" src={`/media/${artwork.key}/320.jpeg`} alt={artwork.alt || `Artwork of ${title}`} width={160} height={Math.round((160 * artwork.height) / artwork.width)} />;
}
