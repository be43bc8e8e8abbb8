/** Reads the article form (urlencoded) into the newsroom's save command. */
import { WORKFLOW_ACTIONS } from '../core/workflow.js';
import type { WorkflowAction } from '../core/workflow.js';
import type { SaveCommand } from '../services/newsroom.js';
import type { ArticleInput } from '../services/publishing.js';
import { ValidationError } from '../services/publishing.js';
import { field, fields } from './context.js';
import { zonedLocalToUtc } from './time.js';
import { leadVideoCommand } from './lead-video-form.js';

const optionalInt = (value: string): number | null => (value.trim() === '' ? null : Number(value));

export function readArticleForm(body: unknown, timeZone: string): { input: ArticleInput; cmd: Omit<SaveCommand, 'input'> } {
  const problems: string[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(field(body, 'body') || '{"type":"doc","content":[]}');
  } catch {
    problems.push('body: the editor sent a document that is not valid JSON');
  }
  const actionRaw = field(body, 'action') || 'save';
  const action = (WORKFLOW_ACTIONS as readonly string[]).includes(actionRaw) ? (actionRaw as WorkflowAction) : undefined;
  if (!action) problems.push(`action: unknown action "${actionRaw}"`);
  const scheduleRaw = field(body, 'scheduleAt');
  const scheduleAt = scheduleRaw ? zonedLocalToUtc(scheduleRaw, timeZone) : undefined;
  if (scheduleRaw && !scheduleAt) problems.push('scheduleAt: not a date and time');
  const embargoRaw = field(body, 'embargoUntil');
  const embargo = embargoRaw ? zonedLocalToUtc(embargoRaw, timeZone) : undefined;
  if (embargoRaw && !embargo) problems.push('embargoUntil: not a date and time');
  const versionRaw = field(body, 'version');
  const leadMediaId = optionalInt(field(body, 'leadMediaId'));
  if (leadMediaId !== null && !Number.isInteger(leadMediaId)) problems.push('leadMediaId: must be a media number');
  const socialMediaId = optionalInt(field(body, 'socialMediaId'));
  if (socialMediaId !== null && !Number.isInteger(socialMediaId)) problems.push('socialMediaId: must be a media number');
  if (problems.length) throw new ValidationError(problems);

  const input: ArticleInput = {
    headline: field(body, 'headline'),
    slug: field(body, 'slug') || undefined,
    standfirst: field(body, 'standfirst'),
    sectionId: Number(field(body, 'sectionId')),
    label: field(body, 'label') as ArticleInput['label'],
    seoHeadline: field(body, 'seoHeadline') || null,
    seoDescription: field(body, 'seoDescription') || null,
    body: doc,
    leadMediaId,
    socialMediaId,
    commentsOpen: field(body, 'commentsOpen') === '1',
    commentsPremoderated: field(body, 'commentsPremoderated') === '1',
    // Several byline selects share the name: the browser sends them in order, blanks included.
    authorIds: [...new Set(fields(body, 'authorIds').filter((v) => v !== '').map(Number))],
    tags: field(body, 'tags').split(',').map((t) => t.trim()).filter(Boolean),
  };
  const note = field(body, 'correctionNote').trim();
  return {
    input,
    cmd: {
      ...(action ? { action } : {}),
      ...(versionRaw ? { expectedVersion: Number(versionRaw) } : {}),
      ...(scheduleAt ? { scheduleAt } : {}),
      embargoUntil: embargo ? embargo.toISOString() : null,
      markUpdated: field(body, 'markUpdated') === '1',
      ...leadVideoCommand(body),
      ...(note ? { correction: { kind: field(body, 'correctionKind') === 'correction' ? 'correction' : 'update', note } } : {}),
    },
  };
}
