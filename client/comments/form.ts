/**
 * The posting form, enhanced: a signed-in reader posts without leaving the page, and
 * "Reply" moves the one form under the comment (one form, so its ids and labels stay
 * unique), with a hidden parentId and a "Cancel reply" button that brings it back. A reader
 * who is not signed in posts the plain form: the server keeps the text and offers sign-in.
 */
import { ApiError, postComment } from './api.js';
import type { Posted } from './api.js';
import { authorOf, commentItems, el, focusQuietly, setCounts } from './dom.js';
import { t } from './messages.js';
import type { Thread } from './thread.js';

export interface CommentFormDeps {
  thread: Thread;
  articleId: number;
  announce(message: string): void;
  /** The session's token when a reader (or staff member) is signed in; undefined otherwise. */
  csrf(): string | undefined;
  /** Runs a post while live events wait, so the reader's own comment is placed once, by the post. */
  hold(work: () => Promise<void>): Promise<void>;
  /** A comment this island placed on the page (likes are marked on it). */
  placed(li: HTMLLIElement): void;
}

interface FormTexts {
  title: string;
  label: string;
  submit: string;
}

const topLevelTexts = (): FormTexts => ({ title: t('comments.formTitle'), label: t('comments.yourComment'), submit: t('comments.post') });

export class CommentForm {
  private readonly home = document.createComment(' the comment form lives here when not replying ');
  private readonly textarea: HTMLTextAreaElement;
  private readonly title: HTMLElement | null;
  private readonly label: HTMLLabelElement | null;
  private readonly submit: HTMLButtonElement | null;
  private readonly topLevel: FormTexts;
  private cancel: HTMLButtonElement | null = null;
  private replying: { id: number; link: HTMLElement | null } | null = null;
  private busy = false;

  constructor(
    readonly form: HTMLFormElement,
    textarea: HTMLTextAreaElement,
    private readonly deps: CommentFormDeps,
  ) {
    this.textarea = textarea;
    this.title = form.querySelector<HTMLElement>('.comment-form-title');
    this.label = textarea.id ? form.querySelector<HTMLLabelElement>(`label[for="${textarea.id}"]`) : null;
    this.submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    form.before(this.home);

    // The comments page may open with the form already replying (?reply=ID): take that over.
    const serverParent = form.querySelector<HTMLInputElement>('input[name="parentId"]');
    const parentId = Number(serverParent?.value ?? 0);
    const texts = topLevelTexts();
    this.topLevel = serverParent ? texts : { title: this.title?.textContent ?? texts.title, label: this.label?.textContent ?? texts.label, submit: this.submit?.textContent ?? texts.submit };
    if (parentId > 0 && deps.thread.find(parentId)) this.startReply(parentId, null, false, false);

    form.addEventListener('submit', (event) => {
      const csrf = deps.csrf();
      if (!csrf) return; // not signed in: the plain form post
      event.preventDefault();
      if (!this.busy) void this.post(csrf);
    });
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.replying) {
        event.preventDefault();
        this.cancelReply(true);
      }
    });
  }

  /** The comment the form is replying to, if any. */
  get replyingTo(): number | undefined {
    return this.replying?.id;
  }

  /** Moves the form under comment `id` (the item holding `link`, or the thread's copy). */
  startReply(id: number, link: HTMLElement | null, focus = true, clearErrors = true): void {
    const item = link?.closest<HTMLLIElement>('li.comment-item') ?? this.deps.thread.find(id);
    const article = item?.querySelector(':scope > article');
    if (!item || !article || this.busy) return;
    if (clearErrors) this.showErrors([]);
    article.after(this.form);
    this.replying = { id, link };
    this.form.classList.add('comment-form-reply');

    let input = this.form.querySelector<HTMLInputElement>('input[name="parentId"]');
    if (!input) {
      input = el('input', { attrs: { type: 'hidden', name: 'parentId' } });
      this.form.prepend(input);
    }
    input.value = String(id);
    this.setTexts({ title: t('comments.replyTo', { author: authorOf(item) }), label: t('comments.yourReply'), submit: t('comments.postReply') });

    if (!this.cancel) {
      this.cancel = el('button', { class: 'button button-secondary', text: t('comments.cancelReply'), attrs: { type: 'button' } });
      this.cancel.addEventListener('click', () => this.cancelReply(true));
      this.submit?.after(' ', this.cancel);
    }
    if (focus) this.textarea.focus();
  }

  /** Back to a top-level comment, in the form's own place; the text stays. */
  cancelReply(focus: boolean): void {
    if (!this.replying) return;
    const { link } = this.replying;
    this.replying = null;
    this.home.after(this.form);
    this.form.classList.remove('comment-form-reply');
    this.form.querySelector('input[name="parentId"]')?.remove();
    this.setTexts(this.topLevel);
    if (this.cancel) {
      const space = this.cancel.previousSibling;
      if (space?.nodeType === Node.TEXT_NODE && space.textContent === ' ') space.remove();
      this.cancel.remove();
      this.cancel = null;
    }
    this.showErrors([]);
    if (focus) {
      if (link?.isConnected) link.focus();
      else this.textarea.focus();
    }
  }

  private setTexts(texts: FormTexts): void {
    if (this.title) this.title.textContent = texts.title;
    if (this.label) this.label.textContent = texts.label;
    if (this.submit) this.submit.textContent = texts.submit;
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.form.toggleAttribute('aria-busy', busy);
    if (busy) this.submit?.setAttribute('aria-disabled', 'true');
    else this.submit?.removeAttribute('aria-disabled');
  }

  /** The form's error list (role=alert), made when needed, removed when empty. */
  showErrors(messages: string[]): void {
    let box = this.form.querySelector<HTMLElement>('.form-errors');
    if (messages.length === 0) {
      box?.remove();
      this.textarea.removeAttribute('aria-invalid');
      return;
    }
    if (!box) {
      box = el('div', { class: 'form-errors', attrs: { role: 'alert' } });
      if (this.title) this.title.after(box);
      else this.form.prepend(box);
    }
    box.replaceChildren(el('ul', {}, messages.map((m) => el('li', { text: m }))));
    this.textarea.setAttribute('aria-invalid', 'true');
  }

  private async post(csrf: string): Promise<void> {
    const body = this.textarea.value;
    const parentId = this.replying?.id;
    this.setBusy(true);
    try {
      await this.deps.hold(async () => {
        const posted = await postComment(this.deps.articleId, parentId === undefined ? { body } : { body, parentId }, csrf);
        this.posted(posted, parentId);
      });
    } catch (err) {
      this.showErrors([err instanceof ApiError ? err.message : t('comments.island.postFailed')]);
    } finally {
      this.setBusy(false);
    }
  }

  private posted(posted: Posted, parentId: number | undefined): void {
    const { thread } = this.deps;
    this.showErrors([]);
    this.textarea.value = '';
    setCounts(posted.countText);
    const [item] = commentItems(posted.html);
    let placed: HTMLLIElement | null = null;
    if (item && !thread.exists(posted.id)) {
      if (posted.status !== 'approved') {
        // Held for a moderator: with the reader's other held comments, as a reload shows it.
        thread.addPending(posted.html);
        placed = thread.pendingItem(posted.id);
      } else if (parentId === undefined) {
        thread.placeOwn(item);
        placed = item;
      } else if (thread.placeReply(item, parentId)) placed = item;
    }
    if (placed) this.deps.placed(placed);
    this.deps.announce(posted.message);
    if (this.replying) {
      this.cancelReply(false);
      const article = placed?.querySelector<HTMLElement>(':scope > article');
      if (article) focusQuietly(article);
      else this.textarea.focus();
    }
  }
}
