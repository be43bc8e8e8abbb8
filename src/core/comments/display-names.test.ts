import { describe, expect, it } from 'vitest';
import { displayNameProblem, nameKey } from './display-names.js';

describe('reader display names', () => {
  it('accepts ordinary names in any Latin script', () => {
    for (const name of ['Ana María', "O'Brien", 'juan_perez', 'Modesto 1974']) expect(displayNameProblem(name)).toBeUndefined();
  });

  it('refuses names too short, too long or made of symbols', () => {
    expect(displayNameProblem('Al')).toMatch(/3 to 30/);
    expect(displayNameProblem('x'.repeat(31))).toMatch(/3 to 30/);
    expect(displayNameProblem('<script>')).toMatch(/letters/);
    expect(displayNameProblem('...ab')).toMatch(/letters/);
  });

  it('refuses names that pass for the newsroom, however they are spelt', () => {
    expect(displayNameProblem('Admin')).toMatch(/reserved/);
    expect(displayNameProblem('Ad.min')).toMatch(/reserved/);
    expect(displayNameProblem('Moderator_7')).toMatch(/reserved/);
    expect(displayNameProblem('omar benali', ['Omar Benali'])).toMatch(/staff/);
    expect(displayNameProblem('Ómar Bénali', ['Omar Benali'])).toMatch(/staff/);
  });

  it('compares names without case, accents or separators', () => {
    expect(nameKey('José_Ruiz')).toBe(nameKey('jose ruiz'));
  });
});
