/** Editors and administrators run live TV: channels, programmes, the schedule, story links. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Channel, Programme } from '../../core/channels.js';
import type { StaffUser } from '../../core/staff.js';
import type { ChannelInput, LiveService, ProgrammeInput } from '../../services/live.js';
import { NotFoundError, ValidationError } from '../../services/publishing.js';
import type { AdminDeps } from '../context.js';
import { adminContext, field, fields, sendAdminPage } from '../context.js';
import type { ChannelForm, ChannelPageForm, FormErrors, ProgrammeForm, ProgrammePageForm, SchedulePageForm, SlotForm, SpecialForm } from '../views/LiveViews.js';
import { ChannelEditPage, ChannelNewPage, LiveChannelsPage, ProgrammeEditPage, ScheduleEditPage, blankProgrammeForm, blankSlotForm, blankSpecialForm } from '../views/LiveViews.js';

type IdParams = { Params: { id: string } };

const NOTICES: Record<string, string> = {
  created: 'Channel created.',
  saved: 'Saved.',
  checked: 'Streams checked.',
  moved: 'Moved.',
  deleted: 'Deleted.',
  programme: 'Programme added.',
  slot: 'Slot added.',
  special: 'Special added.',
  removed: 'Removed.',
  linked: 'Story linked.',
  unlinked: 'Story unlinked.',
};
const noticeFor = (req: FastifyRequest) => NOTICES[(req.query as { notice?: string } | undefined)?.notice ?? ''];

const idOf = (raw: string): number => {
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  if (id <= 0) throw new NotFoundError('no such item');
  return id;
};

/** A form's optional id: '' is none; anything else is passed on for the service to check. */
const optionalId = (value: string): number | null => (value.trim() === '' ? null : /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);
const wholeNumber = (value: string): number => (/^\s*\d{1,6}\s*$/.test(value) ? Number(value) : Number.NaN);

const readChannelForm = (body: unknown): ChannelForm => ({
  name: field(body, 'name'),
  slug: field(body, 'slug'),
  language: field(body, 'language') || 'en',
  masterUrl: field(body, 'masterUrl'),
  audioUrl: field(body, 'audioUrl'),
  posterMediaId: field(body, 'posterMediaId'),
  timeZone: field(body, 'timeZone'),
  description: field(body, 'description'),
});
const channelInput = (f: ChannelForm): ChannelInput => ({ ...f, posterMediaId: optionalId(f.posterMediaId) });
const channelForm = (c: Channel): ChannelForm => ({ name: c.name, slug: c.slug, language: c.language, masterUrl: c.masterUrl, audioUrl: c.audioUrl ?? '', posterMediaId: c.posterMediaId === null ? '' : String(c.posterMediaId), timeZone: c.timeZone, description: c.description });

const readProgrammeForm = (body: unknown): ProgrammeForm => ({ title: field(body, 'title'), slug: field(body, 'slug'), description: field(body, 'description'), artworkMediaId: field(body, 'artworkMediaId') });
const programmeInput = (f: ProgrammeForm): ProgrammeInput => ({ ...f, artworkMediaId: optionalId(f.artworkMediaId) });
const programmeForm = (p: Programme): ProgrammeForm => ({ title: p.title, slug: p.slug, description: p.description, artworkMediaId: p.artworkMediaId === null ? '' : String(p.artworkMediaId) });

const readSlotForm = (body: unknown): SlotForm => ({
  programmeId: field(body, 'programmeId'),
  weekdays: fields(body, 'weekday'),
  start: field(body, 'start'),
  durationMinutes: field(body, 'durationMinutes'),
  validFrom: field(body, 'validFrom'),
  validUntil: field(body, 'validUntil'),
});
const readSpecialForm = (body: unknown): SpecialForm => ({ programmeId: field(body, 'programmeId'), start: field(body, 'start'), durationMinutes: field(body, 'durationMinutes') });

/** Every zone this runtime knows, for the time zone field's suggestions. */
const TIME_ZONES: readonly string[] = (() => {
  try {
    return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  } catch {
    return ['UTC'];
  }
})();

export function registerLiveAdminRoutes(app: FastifyInstance, deps: AdminDeps, live: LiveService): void {
  const staff = (req: FastifyRequest): StaffUser => {
    if (!req.staff) throw new Error('route reached without a session');
    return req.staff.user;
  };

  /** Recent images, plus the chosen one if it is older. */
  async function imageOptions(...current: string[]) {
    const recent = await deps.media.search('', 100);
    const chosen = await Promise.all(
      current
        .map(optionalId)
        .filter((id): id is number => id !== null && Number.isSafeInteger(id) && !recent.some((r) => r.id === id))
        .map((id) => deps.media.get(id)),
    );
    return [...chosen.filter((c) => c !== undefined), ...recent].map((img) => ({ id: img.id, label: `#${img.id} ${img.alt || '(no alt text)'}${img.credit ? ` (${img.credit})` : ''}`.slice(0, 140) }));
  }

  /** The reader path of a channel's live page (in its edition; ?channel= names it even when it is the primary). */
  const livePath = (channel: Channel): string => `${deps.reading.editionPath(channel.language, '/live')}?channel=${encodeURIComponent(channel.slug)}`;

  // ---- channels ------------------------------------------------------------------------

  async function listPage(req: FastifyRequest, reply: FastifyReply, status = 200, errors?: string[]) {
    const rows = await live.listChannels(staff(req));
    return sendAdminPage(reply, <LiveChannelsPage ctx={adminContext(deps, req, reply)} rows={rows} errors={errors} notice={status === 200 ? noticeFor(req) : undefined} />, status);
  }

  app.get('/admin/live', (req, reply) => listPage(req, reply));

  const blankChannel: ChannelForm = { name: '', slug: '', language: 'en', masterUrl: '', audioUrl: '', posterMediaId: '', timeZone: '', description: '' };

  async function newPage(req: FastifyRequest, reply: FastifyReply, form: ChannelForm, status = 200, errors?: string[]) {
    return sendAdminPage(reply, <ChannelNewPage ctx={adminContext(deps, req, reply)} form={form} images={await imageOptions(form.posterMediaId)} timeZones={TIME_ZONES} errors={errors} />, status);
  }

  app.get('/admin/live/channels/new', async (req, reply) => {
    // Listing checks the policy: the empty form is refused to whoever could not save it.
    await live.listChannels(staff(req));
    return newPage(req, reply, blankChannel);
  });

  app.post('/admin/live/channels', async (req, reply) => {
    const form = readChannelForm(req.body);
    try {
      const channel = await live.createChannel(staff(req), channelInput(form));
      return reply.redirect(`/admin/live/channels/${channel.id}?notice=created`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return newPage(req, reply, form, 400, err.issues);
      throw err;
    }
  });

  async function channelPage(req: FastifyRequest, reply: FastifyReply, id: number, opts: { form?: ChannelForm; programme?: ProgrammeForm; errors?: FormErrors<ChannelPageForm>; status?: number } = {}) {
    const m = await live.channelAdmin(staff(req), id);
    const form = opts.form ?? channelForm(m.channel);
    const programme = opts.programme ?? blankProgrammeForm;
    const status = opts.status ?? 200;
    return sendAdminPage(
      reply,
      <ChannelEditPage
        ctx={adminContext(deps, req, reply)}
        m={m}
        livePath={livePath(m.channel)}
        form={form}
        programmeForm={programme}
        images={await imageOptions(form.posterMediaId, programme.artworkMediaId)}
        timeZones={TIME_ZONES}
        errors={opts.errors}
        notice={status === 200 ? noticeFor(req) : undefined}
      />,
      status,
    );
  }

  app.get<IdParams>('/admin/live/channels/:id', (req, reply) => channelPage(req, reply, idOf(req.params.id)));

  app.post<IdParams>('/admin/live/channels/:id', async (req, reply) => {
    const id = idOf(req.params.id);
    const form = readChannelForm(req.body);
    try {
      await live.updateChannel(staff(req), id, channelInput(form));
      return reply.redirect(`/admin/live/channels/${id}?notice=saved`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return channelPage(req, reply, id, { form, errors: { form: 'channel', messages: err.issues }, status: 400 });
      throw err;
    }
  });

  app.post<IdParams>('/admin/live/channels/:id/check', async (req, reply) => {
    const id = idOf(req.params.id);
    await live.recheckChannel(staff(req), id);
    return reply.redirect(`/admin/live/channels/${id}?notice=checked`, 303);
  });

  app.post<IdParams>('/admin/live/channels/:id/move', async (req, reply) => {
    try {
      await live.moveChannel(staff(req), idOf(req.params.id), field(req.body, 'direction') === 'down' ? 'down' : 'up');
      return reply.redirect('/admin/live?notice=moved', 303);
    } catch (err) {
      if (err instanceof ValidationError) return listPage(req, reply, 400, err.issues);
      throw err;
    }
  });

  app.post<IdParams>('/admin/live/channels/:id/delete', async (req, reply) => {
    await live.deleteChannel(staff(req), idOf(req.params.id));
    return reply.redirect('/admin/live?notice=deleted', 303);
  });

  app.post<IdParams>('/admin/live/channels/:id/programmes', async (req, reply) => {
    const id = idOf(req.params.id);
    const form = readProgrammeForm(req.body);
    try {
      const programme = await live.createProgramme(staff(req), id, programmeInput(form));
      return reply.redirect(`/admin/live/programmes/${programme.id}?notice=programme`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return channelPage(req, reply, id, { programme: form, errors: { form: 'programme', messages: err.issues }, status: 400 });
      throw err;
    }
  });

  // ---- the schedule --------------------------------------------------------------------

  async function schedulePage(req: FastifyRequest, reply: FastifyReply, id: number, opts: { slot?: SlotForm; special?: SpecialForm; errors?: FormErrors<SchedulePageForm>; status?: number } = {}) {
    const m = await live.channelAdmin(staff(req), id);
    const status = opts.status ?? 200;
    return sendAdminPage(
      reply,
      <ScheduleEditPage ctx={adminContext(deps, req, reply)} m={m} slotForm={opts.slot ?? blankSlotForm} specialForm={opts.special ?? blankSpecialForm} errors={opts.errors} notice={status === 200 ? noticeFor(req) : undefined} />,
      status,
    );
  }

  app.get<IdParams>('/admin/live/channels/:id/schedule', (req, reply) => schedulePage(req, reply, idOf(req.params.id)));

  app.post<IdParams>('/admin/live/channels/:id/slots', async (req, reply) => {
    const id = idOf(req.params.id);
    const form = readSlotForm(req.body);
    try {
      await live.addSlot(staff(req), id, {
        programmeId: optionalId(form.programmeId) ?? Number.NaN,
        weekdays: form.weekdays.map((d) => wholeNumber(d)),
        start: form.start,
        durationMinutes: wholeNumber(form.durationMinutes),
        validFrom: form.validFrom,
        validUntil: form.validUntil,
      });
      return reply.redirect(`/admin/live/channels/${id}/schedule?notice=slot`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return schedulePage(req, reply, id, { slot: form, errors: { form: 'slot', messages: err.issues }, status: 400 });
      throw err;
    }
  });

  app.post<IdParams>('/admin/live/slots/:id/delete', async (req, reply) => {
    const channelId = await live.removeSlot(staff(req), idOf(req.params.id));
    return reply.redirect(`/admin/live/channels/${channelId}/schedule?notice=removed`, 303);
  });

  app.post<IdParams>('/admin/live/channels/:id/specials', async (req, reply) => {
    const id = idOf(req.params.id);
    const form = readSpecialForm(req.body);
    try {
      await live.addSpecial(staff(req), id, { programmeId: optionalId(form.programmeId) ?? Number.NaN, start: form.start, durationMinutes: wholeNumber(form.durationMinutes) });
      return reply.redirect(`/admin/live/channels/${id}/schedule?notice=special`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return schedulePage(req, reply, id, { special: form, errors: { form: 'special', messages: err.issues }, status: 400 });
      throw err;
    }
  });

  app.post<IdParams>('/admin/live/specials/:id/delete', async (req, reply) => {
    const channelId = await live.removeSpecial(staff(req), idOf(req.params.id));
    return reply.redirect(`/admin/live/channels/${channelId}/schedule?notice=removed`, 303);
  });

  // ---- programmes ----------------------------------------------------------------------

  async function programmePage(req: FastifyRequest, reply: FastifyReply, id: number, opts: { form?: ProgrammeForm; story?: string; errors?: FormErrors<ProgrammePageForm>; status?: number } = {}) {
    const m = await live.programmeAdmin(staff(req), id);
    const form = opts.form ?? programmeForm(m.programme);
    const status = opts.status ?? 200;
    return sendAdminPage(
      reply,
      <ProgrammeEditPage
        ctx={adminContext(deps, req, reply)}
        m={m}
        pageUrl={live.programmeUrl(m.channel, m.programme)}
        form={form}
        storyRef={opts.story ?? ''}
        images={await imageOptions(form.artworkMediaId)}
        errors={opts.errors}
        notice={status === 200 ? noticeFor(req) : undefined}
      />,
      status,
    );
  }

  app.get<IdParams>('/admin/live/programmes/:id', (req, reply) => programmePage(req, reply, idOf(req.params.id)));

  app.post<IdParams>('/admin/live/programmes/:id', async (req, reply) => {
    const id = idOf(req.params.id);
    const form = readProgrammeForm(req.body);
    try {
      await live.updateProgramme(staff(req), id, programmeInput(form));
      return reply.redirect(`/admin/live/programmes/${id}?notice=saved`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return programmePage(req, reply, id, { form, errors: { form: 'programme', messages: err.issues }, status: 400 });
      throw err;
    }
  });

  app.post<IdParams>('/admin/live/programmes/:id/delete', async (req, reply) => {
    const programme = await live.deleteProgramme(staff(req), idOf(req.params.id));
    return reply.redirect(`/admin/live/channels/${programme.channelId}?notice=deleted`, 303);
  });

  app.post<IdParams>('/admin/live/programmes/:id/stories', async (req, reply) => {
    const id = idOf(req.params.id);
    const ref = field(req.body, 'story');
    try {
      await live.linkStory(staff(req), id, ref);
      return reply.redirect(`/admin/live/programmes/${id}?notice=linked`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return programmePage(req, reply, id, { story: ref, errors: { form: 'story', messages: err.issues }, status: 400 });
      throw err;
    }
  });

  app.post<{ Params: { id: string; articleId: string } }>('/admin/live/programmes/:id/stories/:articleId/delete', async (req, reply) => {
    const id = idOf(req.params.id);
    await live.unlinkStory(staff(req), id, idOf(req.params.articleId));
    return reply.redirect(`/admin/live/programmes/${id}?notice=unlinked`, 303);
  });
}
