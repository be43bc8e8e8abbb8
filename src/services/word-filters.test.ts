import { describe, expect, it } from 'vitest';
import { createWordFilters } from './word-filters.js';

describe('comment word filters', () => {
  const filters = createWordFilters({ bannedWords: ['grifter'], suspectWords: ['traitor', 'fake news'] });

  it('catches banned words with variants, leetspeak and spacing', () => {
    expect(filters.hasBannedWords('what a load of shit')).toBe(true);
    expect(filters.hasBannedWords('sh1t reporting')).toBe(true);
    expect(filters.hasBannedWords('f u c k this')).toBe(true);
    expect(filters.hasBannedWords('The mayor is a gr1fter')).toBe(true);
  });

  it('leaves ordinary words alone, including ones that contain a banned word', () => {
    expect(filters.hasBannedWords('The council met in Scunthorpe to discuss the harbour.')).toBe(false);
    expect(filters.hasBannedWords('Thanks for this careful reporting on Tripoli.')).toBe(false);
    // Leetspeak would read these numbers as words: a news site is full of numbers.
    expect(filters.hasBannedWords('455 people were evacuated and 717 families are still waiting.')).toBe(false);
    expect(filters.hasBannedWords('Route 0-455 reopened at 14:55 on 5.5.2026.')).toBe(false);
  });

  it('finds suspect words and phrases, accents and case ignored', () => {
    expect(filters.suspectWords('He is a TRAITÓR, and this is fake news')).toEqual(['traitor', 'fake news']);
    expect(filters.suspectWords('A traitorous plot')).toEqual([]);
  });
});
