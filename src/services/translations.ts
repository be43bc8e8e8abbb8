/**
 * Linking a story to its versions in the other editions (issue 6: "An article can be linked
 * to its translation"). A group holds at most one story per language; linking two stories
 * that already have groups merges them when their languages do not clash. Every member's
 * page changes when the group does (the "Leer en español" link, hreflang), so each member
 * gets an article.changed event after the transaction commits.
 */
import type { Language } from '../core/articles.js';
import type { ContentEvents } from '../core/events.js';
import { ForbiddenError, policies } from '../core/policies.js';
import type { StaffUser } from '../core/staff.js';
import type { Db } from '../storage/db.js';
import { TranslationRepository } from '../storage/repositories/translations.js';
import type { TranslationMember } from '../storage/repositories/translations.js';
import type { Newsroom, NewsroomArticle } from './newsroom.js';
import { NotFoundError, ValidationError } from './publishing.js';

export interface TranslationsDeps {
  db: Db;
  events: ContentEvents;
  newsroom: Newsroom;
}

export class Translations {
  private readonly repo: TranslationRepository;

  constructor(private readonly deps: TranslationsDeps) {
    this.repo = new TranslationRepository(deps.db.kysely);
  }

  /** The story's versions in other editions, whatever their status (for the newsroom). */
  of(articleId: number): Promise<TranslationMember[]> {
    return this.repo.othersOf(articleId);
  }

  private async editable(actor: StaffUser, id: number): Promise<NewsroomArticle> {
    const a = await this.deps.newsroom.load(id);
    if (!a) throw new NotFoundError(`story ${id} does not exist`);
    if (!policies.editArticle(actor, this.deps.newsroom.facts(a))) throw new ForbiddenError('editArticle');
    return a;
  }

  /** Links `articleId` and `otherId` as versions of one story. */
  async link(actor: StaffUser, articleId: number, otherId: number): Promise<void> {
    const mine = await this.editable(actor, articleId);
    const other = await this.deps.newsroom.load(otherId);
    if (!other || otherId === articleId) throw new ValidationError([`translation: story ${otherId} does not exist`]);
    if (other.article.language === mine.article.language) throw new ValidationError([`translation: story ${otherId} is in the same edition (${mine.article.language}); link a story from another edition`]);
    const affected = await this.deps.db.kysely.transaction().execute(async (tx) => {
      const [myGroup, otherGroup] = await Promise.all([this.repo.groupOf(articleId, tx), this.repo.groupOf(otherId, tx)]);
      const members = new Map<number, Language>([[articleId, mine.article.language], [otherId, other.article.language]]);
      for (const m of [...(await this.repo.othersOf(articleId, tx)), ...(await this.repo.othersOf(otherId, tx))]) members.set(m.id, m.language);
      const byLanguage = new Map<Language, number>();
      for (const [id, language] of members) {
        const clash = byLanguage.get(language);
        if (clash !== undefined && clash !== id) throw new ValidationError([`translation: the group would hold two ${language} stories (${clash} and ${id}); unlink one first`]);
        byLanguage.set(language, id);
      }
      const group = myGroup ?? otherGroup ?? Math.min(articleId, otherId);
      for (const id of members.keys()) await this.repo.join(tx, id, group);
      return [...members.keys()];
    });
    await this.announce(affected);
  }

  /** Takes a story out of its group; the rest of the group stays linked. */
  async unlink(actor: StaffUser, articleId: number): Promise<void> {
    await this.editable(actor, articleId);
    const affected = await this.deps.db.kysely.transaction().execute(async (tx) => {
      const group = await this.repo.groupOf(articleId, tx);
      if (group === undefined) return [];
      const others = await this.repo.othersOf(articleId, tx);
      await this.repo.leave(tx, articleId);
      await this.repo.dropLonelyGroup(tx, group);
      return [articleId, ...others.map((o) => o.id)];
    });
    await this.announce(affected);
  }

  /**
   * Starts the story's version in another edition: a draft with the same text, lead image,
   * label and tags, filed in that edition's first section, already linked. The journalist
   * then translates it in the editor.
   */
  async startTranslation(actor: StaffUser, articleId: number, language: Language): Promise<number> {
    const source = await this.editable(actor, articleId);
    if (language === source.article.language) throw new ValidationError([`language: the story is already in ${language}`]);
    if ((await this.repo.othersOf(articleId)).some((m) => m.language === language)) throw new ValidationError([`language: the story already has a ${language} version`]);
    const section = await this.deps.db.kysely.selectFrom('sections').select('id').where('language', '=', language).where('parent_id', 'is', null).orderBy('position').orderBy('id').executeTakeFirst();
    if (!section) throw new ValidationError([`language: the ${language} edition has no sections yet; create one under Sections first`]);
    const a = source.article;
    const draft = await this.deps.newsroom.create(actor, {
      headline: a.headline,
      language,
      sectionId: section.id,
      label: a.label,
      standfirst: a.standfirst,
      body: a.body,
      leadMediaId: a.leadMediaId,
      socialMediaId: a.socialMediaId,
      authorIds: source.authorIds,
      tags: source.tags,
    });
    await this.link(actor, articleId, draft.article.id);
    return draft.article.id;
  }

  private async announce(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.deps.db.kysely.selectFrom('articles').select(['id', 'section_id']).where('id', 'in', [...ids]).execute();
    for (const r of rows) this.deps.events.publish({ type: 'article.changed', articleId: r.id, sectionId: r.section_id });
  }
}
