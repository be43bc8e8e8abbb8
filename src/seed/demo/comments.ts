/**
 * Demo reader comments (original text): a few lively threads on some stories, an Editor's
 * pick, and work for the moderation queues (a held comment with a link, a reported one).
 * The seed article of the product brief keeps its empty state: "0 Comments".
 */
export interface DemoReader {
  key: string;
  name: string;
  /** Days since the account was created. */
  ageDays: number;
}

export interface DemoComment {
  article: string;
  reader: string;
  body: string;
  hoursAgo: number;
  status?: 'approved' | 'pending';
  holdReasons?: string[];
  featured?: boolean;
  likes?: number;
  /** Index (in this list) of the comment it answers. */
  replyTo?: number;
  reported?: { reason: string; note: string };
}

export const demoReaders: DemoReader[] = [
  { key: 'lucia', name: 'Lucía Ferrer', ageDays: 420 },
  { key: 'kwame', name: 'Kwame Asante', ageDays: 300 },
  { key: 'ines', name: 'Inés Duarte', ageDays: 95 },
  { key: 'tomasz', name: 'Tomasz W.', ageDays: 60 },
  { key: 'harbour', name: 'HarbourWatcher', ageDays: 12 },
  { key: 'newbie', name: 'first_time_here', ageDays: 0 },
];

export const demoComments: DemoComment[] = [
  {
    article: 'n-libya-oil-field-shutdown',
    reader: 'kwame',
    body: 'The shutdown numbers matter less than how long it lasts. Two weeks is a budget problem; two months is a salary problem for every ministry.',
    hoursAgo: 20,
    featured: true,
    likes: 14,
  },
  { article: 'n-libya-oil-field-shutdown', reader: 'lucia', body: 'Is there any independent figure for lost output, or only the oil company’s own estimate?', hoursAgo: 18, likes: 3 },
  { article: 'n-libya-oil-field-shutdown', reader: 'harbour', body: 'Only the company’s figure so far. The tanker tracking sites show two loadings cancelled this week, which fits.', hoursAgo: 17, replyTo: 1, likes: 5 },
  { article: 'n-libya-oil-field-shutdown', reader: 'lucia', body: 'Thanks, that is useful. I would like to see the story follow up on the cancelled loadings.', hoursAgo: 16, replyTo: 2 },
  {
    article: 'n-libya-central-bank-salaries',
    reader: 'ines',
    body: 'My cousin teaches in Sabha and has not been paid since September. **Three months.** The story is right that schools are where this shows first.',
    hoursAgo: 30,
    likes: 9,
  },
  { article: 'n-libya-central-bank-salaries', reader: 'tomasz', body: 'How do families manage for three months without a salary? Genuine question, not a rhetorical one.', hoursAgo: 28, replyTo: 4 },
  { article: 'n-libya-central-bank-salaries', reader: 'ines', body: 'Credit at the local shop, mostly, and relatives abroad sending money.\n\n> How do families manage\n\nBadly, is the short answer.', hoursAgo: 27, replyTo: 5, likes: 4 },
  {
    article: 'n-libya-central-bank-salaries',
    reader: 'newbie',
    body: 'Everyone should read the full central bank statement here: https://example.org/statement-full-text before commenting.',
    hoursAgo: 2,
    status: 'pending',
    holdReasons: ['1 link', 'new reader'],
  },
  { article: 'n-andes-lithium-blockade', reader: 'tomasz', body: 'Good to see the communities’ side reported at length rather than in one line at the end.', hoursAgo: 40, likes: 6 },
  {
    article: 'n-andes-lithium-blockade',
    reader: 'harbour',
    body: 'Every blockade story is the same. These people will never be happy whatever anyone offers them.',
    hoursAgo: 38,
    reported: { reason: 'offtopic', note: 'Generalises about a whole community.' },
  },
  { article: 'n-andes-lithium-blockade', reader: 'lucia', body: 'The story says what they asked for: water monitoring and a share of royalties. That is specific, not “never happy”.', hoursAgo: 37, replyTo: 9, likes: 11 },
  { article: 'n-europe-gas-storage-winter', reader: 'kwame', body: 'Storage at this level in November is good news, but the chart would be clearer with last year’s line for comparison.', hoursAgo: 10, likes: 2 },
];
