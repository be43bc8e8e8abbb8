import { describe, expect, it } from 'vitest';
import type { ClassifierTotals, TokenCounts } from './classifier.js';
import { MAX_TOKENS, MIN_TRAINING_DOCS, classifierTokens, classify, spamProbability, strongestTokens } from './classifier.js';

// Comments the newsroom approved: ordinary talk about local politics.
const APPROVED = [
  'The council should publish the full budget before the vote on the new library.',
  'I went to the town hall meeting and the mayor dodged every question about the bus routes.',
  'Our ward needs safer crossings near the school, not another parking garage.',
  'The opposition councillors made a fair point about the housing plan.',
  'Property taxes went up again while the road repairs keep getting delayed.',
  'Good reporting. The zoning board has ignored residents for years.',
  "Can the paper follow up on who funded the mayor's campaign?",
  'The election turnout in our district was embarrassing; people need to vote.',
  'I disagree with the editorial, the new bike lanes have made the high street calmer.',
  'The budget hearing is on Thursday evening at the community centre, everyone should come.',
  'The mayor promised affordable housing in the last election and delivered nothing.',
  'Council meetings should be streamed so working parents can follow the debates.',
  'The planning committee approved the tower despite hundreds of objections from residents.',
  'Thanks for explaining how the school funding formula works, very clear article.',
  'Our councillor actually answered my email about the flooding on Mill Lane.',
  'Why did the city spend so much on consultants for the transit study?',
  'The referendum on the park should have been held before the contract was signed.',
  'Residents in the east district deserve the same bus service as the centre.',
  'I hope the new council keeps its promise on recycling collections.',
  'The vote on the budget was close, and the debate was worth watching.',
];

// Comments the newsroom rejected: casino bonuses and cheap pills.
const REJECTED = [
  'Best online casino bonus today, claim 200 free spins now!!',
  'Cheap pills without prescription, fast delivery, order now at https://pills-cheap.example',
  'WIN BIG at the casino with our exclusive welcome bonus, deposit $10 get $100',
  'Buy cheap viagra pills online, discreet shipping and the best price guaranteed',
  'Free spins and a huge casino bonus are waiting for you, sign up today',
  'Discount pharmacy: cheap pills, no prescription needed, order online now',
  'Claim your jackpot bonus at [our site](https://lucky-casino.example) and win real money',
  'Earn money fast playing slots, bonus on every deposit, click here',
  'Lowest price pills online, cheap and fast, visit our pharmacy today',
  'Exclusive casino offer: double your deposit and get free spins!!',
  'Cheap weight loss pills that really work, order now with free shipping',
  'Play poker and slots at the best online casino, instant bonus for new players',
  'Get your prescription pills cheap, no doctor needed, fast delivery worldwide',
  'Casino bonus codes updated daily, win money with free spins now',
  'Best price on pills guaranteed, order online and save big today',
  'Deposit now and claim a 300% welcome bonus at our online casino',
  'Cheap meds online: painkillers, sleeping pills, no prescription, fast delivery',
  'Hot slots, big jackpot, free bonus money, click here to play now',
  'Online pharmacy sale: cheap pills, discreet packaging, order today',
  'Win real money at the casino tonight, free spins bonus for everyone',
];

interface Model {
  totals: ClassifierTotals;
  counts: Map<string, TokenCounts>;
}

/** What the service layer does on each moderator decision: one row per token, counted once per comment. */
function train(approved: readonly string[], rejected: readonly string[]): Model {
  const model: Model = { totals: { spamDocs: 0, hamDocs: 0 }, counts: new Map() };
  const record = (text: string, kind: 'spam' | 'ham') => {
    if (kind === 'spam') model.totals.spamDocs++;
    else model.totals.hamDocs++;
    for (const token of classifierTokens(text)) {
      const row = model.counts.get(token) ?? { spam: 0, ham: 0 };
      row[kind]++;
      model.counts.set(token, row);
    }
  };
  approved.forEach((t) => record(t, 'ham'));
  rejected.forEach((t) => record(t, 'spam'));
  return model;
}

const score = (text: string, m: Model) => spamProbability(classifierTokens(text), m.totals, m.counts);

describe('classifier tokens', () => {
  it('folds case and accents, so "Bogotá" and "bogota" are one token', () => {
    expect(classifierTokens('Bogotá')).toEqual(['bogota']);
    expect(classifierTokens('bogota')).toEqual(['bogota']);
    expect(classifierTokens('BOGOTÁ, Bogota and bogotá again')).toEqual(['bogota', 'and', 'again']);
    expect(classifierTokens('Crème brûlée in São Paulo')).toEqual(['creme', 'brulee', 'in', 'sao', 'paulo']);
  });

  it('returns each token once and keeps a long comment to a bounded number of tokens', () => {
    const tokens = classifierTokens('vote vote VOTE Vote, the the budget budget');
    expect(tokens).toEqual(['vote', 'the', 'budget']);
    const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const many = classifierTokens(long);
    expect(many).toHaveLength(MAX_TOKENS);
    expect(new Set(many).size).toBe(many.length);
  });

  it('keeps words of 2 to 30 letters or digits, in any script', () => {
    expect(classifierTokens('I a 42 x ok')).toEqual(['42', 'ok']);
    expect(classifierTokens(`short ${'z'.repeat(31)}`)).toEqual(['short']);
    expect(classifierTokens('Выборы в городе 2026 選挙')).toEqual(['выборы', 'городе', '2026', '選挙']);
  });

  it('turns links into their host, whether bare or written as [text](url)', () => {
    const tokens = classifierTokens('Look [cheap deals](https://www.casino.example/win?x=1) and https://Pills.example/buy-now today');
    expect(tokens).toContain('link:casino.example');
    expect(tokens).toContain('link:pills.example');
    expect(tokens).toContain('cheap');
    // The path and scheme are not words of the comment.
    expect(tokens).not.toContain('buy');
    expect(tokens).not.toContain('https');
    expect(tokens).not.toContain('win');
    expect(classifierTokens('go to www.lucky-slots.example now')).toEqual(['link:lucky-slots.example', 'go', 'to', 'now']);
  });

  it('ignores formatting marks and reads quotes as words', () => {
    expect(classifierTokens('> The mayor said it\n\nI **really** *doubt* it')).toEqual(['the', 'mayor', 'said', 'it', 'really', 'doubt']);
  });

  it('adds shape tokens for shouting, exclamations, money and phone numbers', () => {
    expect(classifierTokens('THIS IS THE BEST OFFER YOU WILL EVER SEE')).toContain('shape:caps');
    expect(classifierTokens('Vote NO')).not.toContain('shape:caps');
    expect(classifierTokens('Amazing!!')).toContain('shape:exclaim');
    expect(classifierTokens('Win $500 now')).toContain('shape:money');
    expect(classifierTokens('Call +1 555 123 4567 today')).toContain('shape:phone');
    expect(classifierTokens('The 2019-2024 plan cost 3 million.').some((t) => t.startsWith('shape:'))).toBe(false);
  });
});

describe('spam probability', () => {
  const model = train(APPROVED, REJECTED);

  it('abstains until it has seen enough decisions of both kinds', () => {
    const empty: Model = { totals: { spamDocs: 0, hamDocs: 0 }, counts: new Map() };
    expect(score('Claim your casino bonus now', empty)).toBeNull();
    const fewRejections = train(APPROVED, REJECTED.slice(0, MIN_TRAINING_DOCS - 1));
    expect(score('Claim your casino bonus now', fewRejections)).toBeNull();
    expect(strongestTokens(classifierTokens('Claim your casino bonus now'), fewRejections.totals, fewRejections.counts)).toEqual([]);
    expect(classify(['casino'], fewRejections.totals, fewRejections.counts)).toBeNull();
    const fewApprovals = train(APPROVED.slice(0, MIN_TRAINING_DOCS - 1), REJECTED);
    expect(score('Claim your casino bonus now', fewApprovals)).toBeNull();
  });

  it('recognises a new spam comment and a new ordinary comment once trained', () => {
    expect(score('Claim a free casino bonus and cheap pills online, order now!!', model)).toBeGreaterThan(0.9);
    expect(score('Get free spins at the best online casino today', model)).toBeGreaterThan(0.9);
    expect(score('The mayor should explain the housing budget to residents before the council vote.', model)).toBeLessThan(0.1);
    expect(score('Residents asked the council about the school bus routes at the meeting.', model)).toBeLessThan(0.1);
  });

  it('treats words it has never seen as neutral', () => {
    expect(spamProbability(classifierTokens('Quokka zeppelin marmalade'), model.totals, model.counts)).toBe(0.5);
    expect(spamProbability([], model.totals, model.counts)).toBe(0.5);
  });

  it('is not swayed by a word seen in a single rejected comment', () => {
    // "viagra" appears once; one swallow does not make a summer.
    const once = spamProbability(['viagra'], model.totals, model.counts) ?? 0;
    const often = spamProbability(['casino'], model.totals, model.counts) ?? 0;
    expect(once).toBeGreaterThan(0.5);
    expect(often).toBeGreaterThan(once);
  });

  it('names the words that made a comment look like rejected ones', () => {
    const tokens = classifierTokens('Claim a free casino bonus and cheap pills online, order now!!');
    const strongest = strongestTokens(tokens, model.totals, model.counts);
    expect(strongest.length).toBeGreaterThan(0);
    expect(strongest.length).toBeLessThanOrEqual(3);
    for (const token of strongest) {
      const row = model.counts.get(token);
      expect(row && row.spam > row.ham).toBe(true);
    }
    expect(classify(tokens, model.totals, model.counts)).toEqual({ probability: score('Claim a free casino bonus and cheap pills online, order now!!', model), tokens: strongest });
    // An ordinary comment has nothing to blame.
    expect(strongestTokens(classifierTokens('The council vote on the budget'), model.totals, model.counts)).toEqual([]);
  });

  it('stays a finite probability with extreme counts and inconsistent rows', () => {
    const totals = { spamDocs: 100_000, hamDocs: 100_000 };
    const counts = new Map<string, TokenCounts>(Array.from({ length: 200 }, (_, i) => [`t${i}`, { spam: 99_999, ham: i % 2 ? 0 : 250_000 }]));
    const p = spamProbability([...counts.keys()], totals, counts);
    expect(p).not.toBeNull();
    expect(Number.isFinite(p)).toBe(true);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  });
});
