/**
 * Demo live coverage (docs/live-blog.md): the English story about the aid convoy into
 * Darfur becomes a live blog with timestamped updates, one of them pinned as a key update.
 * Written straight into the tables in the seed's transaction, like the other demo content.
 * The text is original to this project; names of officials are invented.
 */
import type { Transaction } from 'kysely';
import { textToDocument } from '../../core/live-blog.js';
import { parseDocument } from '../../core/richtext.js';
import type { Database } from '../../storage/schema.js';

export const DEMO_LIVE_BLOG_STORY = 'n-sudan-aid-corridor';

interface DemoUpdate {
  /** Minutes after the story was published (it was published 14 hours before the seed). */
  minutes: number;
  headline?: string;
  text: string;
  pinned?: boolean;
}

const UPDATES: DemoUpdate[] = [
  {
    minutes: 20,
    headline: 'Convoy clears the border crossing',
    text: 'The last of the forty trucks passed the Adré crossing shortly after dawn, according to the logistics coordinator travelling with the convoy. Customs checks on the Chadian side took just under three hours.',
  },
  {
    minutes: 95,
    text: 'Drivers report the road east of the border is passable but slow: sand has drifted across several stretches and the convoy is moving at walking pace in places.\n\nNo security incidents have been reported so far.',
  },
  {
    minutes: 180,
    headline: 'What is on the trucks',
    text: 'The cargo, according to the agencies involved:\n\n**Food:** about 600 tonnes of sorghum, pulses and cooking oil, enough for roughly 80,000 people for a month.\n\n**Health:** cholera treatment kits, vaccines kept in solar-powered cold boxes, and supplies for two field clinics.',
    pinned: true,
  },
  {
    minutes: 300,
    text: 'A local relief committee in the first town on the route says families have been gathering at the distribution point since the early morning. Volunteers are registering households by name so that the most vulnerable are served first.',
  },
  {
    minutes: 420,
    headline: 'First distribution begins',
    text: 'Sacks of sorghum are being handed out from the first twelve trucks. An aid worker at the site described the mood as *calm but anxious*: many people told her they had not received any assistance since the spring.',
  },
  {
    minutes: 560,
    text: 'The agencies say the remaining trucks will continue tomorrow to two towns further east, where a nutrition survey last month found high rates of acute malnutrition among young children.',
  },
  {
    minutes: 700,
    headline: 'Agencies call for a regular corridor',
    text: 'In a joint statement this evening, the agencies involved said a single convoy “cannot substitute for predictable, regular access” and asked all parties to guarantee safe passage for weekly deliveries before the lean season begins.',
  },
];

export async function seedDemoLiveBlog(tx: Transaction<Database>, articleIds: ReadonlyMap<string, number>, now: Date): Promise<void> {
  const articleId = articleIds.get(DEMO_LIVE_BLOG_STORY);
  if (articleId === undefined) return;
  const story = await tx.selectFrom('articles').select('published_at').where('id', '=', articleId).executeTakeFirst();
  const published = story?.published_at ? Date.parse(story.published_at) : now.getTime() - 14 * 3_600_000;
  await tx.updateTable('articles').set({ live_coverage: 1, live_started_at: new Date(published).toISOString() }).where('id', '=', articleId).execute();
  for (const u of UPDATES) {
    // Never in the future, whatever the story's publication time.
    const at = new Date(Math.min(published + u.minutes * 60_000, now.getTime() - 60_000)).toISOString();
    await tx
      .insertInto('live_updates')
      .values({ article_id: articleId, headline: u.headline ?? null, body: JSON.stringify(parseDocument(textToDocument(u.text))), pinned: u.pinned ? 1 : 0, created_at: at, updated_at: at, created_by: null, deleted_at: null })
      .execute();
  }
}
