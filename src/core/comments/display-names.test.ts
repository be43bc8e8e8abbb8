import { describe, expect, it } from 'vitest';
import { displayNameProblem, nameKey } from './display-names.js';

describe('reader display names', () => {
  it('accepts ordinary names in any Latin script', () => {
    for (const name of ['Ana María', "O'Brien", 'juan_perez', 'Modesto 1974']) expect(displayNameProblem(name)).toBeUndefined();
  });

  it('refuses names too short, too long or made of symbols', () => {
    expect(displayNameProblem('Al')).toMatchObject({ code: 'displayName.length', values: { min: 3, max: 30 } });
    expect(displayNameProblem('Al')?.text).toBe('Use 3 to 30 characters.');
    expect(displayNameProblem('x'.repeat(31))?.code).toBe('displayName.length');
    expect(displayNameProblem('<script>')?.code).toBe('displayName.characters');
    expect(displayNameProblem('...ab')?.code).toBe('displayName.characters');
    expect(displayNameProblem('a . . b')?.code).toBe('displayName.tooFewLetters');
  });

  it('refuses names that pass for the newsroom, however they are spelt', () => {
    expect(displayNameProblem('Admin')?.code).toBe('displayName.reserved');
    expect(displayNameProblem('Ad.min')?.code).toBe('displayName.reserved');
    expect(displayNameProblem('Moderator_7')?.code).toBe('displayName.reserved');
    expect(displayNameProblem('omar benali', ['Omar Benali'])?.code).toBe('displayName.staff');
    expect(displayNameProblem('Ómar Bénali', ['Omar Benali'])?.code).toBe('displayName.staff');
  });

  it('compares names without case, accents or separators', () => {
    expect(nameKey('José_Ruiz')).toBe(nameKey('jose ruiz'));
  });
});
