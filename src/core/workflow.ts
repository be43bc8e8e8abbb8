/**
 * The editorial workflow: draft -> in review -> scheduled -> published (-> updated), and back.
 * Pure rules: given an article's state, an action and the time, say what it becomes or why
 * not. The embargo is absolute: nothing goes public before it, whoever presses publish.
 */
import type { ArticleStatus } from './articles.js';

export const WORKFLOW_ACTIONS = ['save', 'submit', 'return', 'publish', 'schedule', 'unschedule', 'unpublish'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export interface WorkflowState {
  status: ArticleStatus;
  publishedAt: string | null;
  scheduledAt: string | null;
  embargoUntil: string | null;
}

export type Transition =
  | { ok: true; next: WorkflowState }
  | { ok: false; reason: string };

const refuse = (reason: string): Transition => ({ ok: false, reason });

/** The policy question each action asks (see core/policies.ts). */
export const ACTION_POLICY: Record<WorkflowAction, 'editArticle' | 'submitForReview' | 'publishArticle'> = {
  save: 'editArticle',
  submit: 'submitForReview',
  return: 'publishArticle',
  publish: 'publishArticle',
  schedule: 'publishArticle',
  unschedule: 'publishArticle',
  unpublish: 'publishArticle',
};

export function transition(state: WorkflowState, action: WorkflowAction, now: Date, scheduleAt?: Date): Transition {
  const embargo = state.embargoUntil ? new Date(state.embargoUntil) : null;
  const embargoed = embargo !== null && embargo.getTime() > now.getTime();
  switch (action) {
    case 'save':
      return { ok: true, next: state };
    case 'submit':
      if (state.status !== 'draft') return refuse('only a draft can be submitted for review');
      return { ok: true, next: { ...state, status: 'review' } };
    case 'return':
      if (state.status !== 'review') return refuse('only a story in review can be returned to draft');
      return { ok: true, next: { ...state, status: 'draft' } };
    case 'publish':
      if (state.status === 'published') return refuse('the story is already published');
      // Under embargo, "publish now" means "publish the moment the embargo lifts".
      if (embargoed) return { ok: true, next: { ...state, status: 'scheduled', scheduledAt: embargo.toISOString() } };
      return { ok: true, next: { ...state, status: 'published', scheduledAt: null, publishedAt: state.publishedAt ?? now.toISOString() } };
    case 'schedule': {
      if (state.status === 'published') return refuse('the story is already published');
      if (!scheduleAt || Number.isNaN(scheduleAt.getTime())) return refuse('choose a date and time to publish at');
      if (scheduleAt.getTime() <= now.getTime()) return refuse('the scheduled time is in the past: publish now instead');
      const at = embargo && embargo.getTime() > scheduleAt.getTime() ? embargo : scheduleAt;
      return { ok: true, next: { ...state, status: 'scheduled', scheduledAt: at.toISOString() } };
    }
    case 'unschedule':
      if (state.status !== 'scheduled') return refuse('the story is not scheduled');
      return { ok: true, next: { ...state, status: 'draft', scheduledAt: null } };
    case 'unpublish':
      if (state.status !== 'published') return refuse('the story is not published');
      return { ok: true, next: { ...state, status: 'draft' } };
  }
}

/** When the scheduler finds a story due, it goes public at its scheduled time. */
export function isDue(state: WorkflowState, now: Date): boolean {
  if (state.status !== 'scheduled' || !state.scheduledAt) return false;
  const due = Math.max(Date.parse(state.scheduledAt), state.embargoUntil ? Date.parse(state.embargoUntil) : 0);
  return due <= now.getTime();
}
