import * as v from 'valibot';
import { expect } from '@open-wc/testing';
import { checkPet, PET_NAME_MAX, PET_SPECIES, type PetProblems } from '../../src/core/preferences.js';
import { PreferencesPatchSchema } from '../../src/core/schemas.js';

describe('preferences: checkPet', () => {
  const valid: Array<[string, string, string]> = [
    ['Biscuit', 'dog', 'Biscuit'],
    ['  Mr Whiskers  ', 'cat', 'Mr Whiskers'],
    ["O'Malley", 'cat', "O'Malley"],
    ['O’Malley', 'other', 'O’Malley'],
    ['Jean-Luc', 'dog', 'Jean-Luc'],
    ['Chloé', 'cat', 'Chloé'],
    ['Chloe\u0301', 'cat', 'Chloe\u0301'],
    ['Ñandú', 'other', 'Ñandú'],
    ['B', 'dog', 'B'],
    ['a'.repeat(PET_NAME_MAX), 'dog', 'a'.repeat(PET_NAME_MAX)],
    ['é'.repeat(PET_NAME_MAX), 'dog', 'é'.repeat(PET_NAME_MAX)],
  ];
  for (const [name, species, saved] of valid) {
    it(`accepts ${JSON.stringify(name)} (${species})`, () => {
      const result = checkPet(name, species);
      expect(result).to.deep.equal({ pet: { name: saved, species } });
      // What it accepts, the PATCH body accepts too.
      expect(v.safeParse(PreferencesPatchSchema, { petFriendly: true, ...result }).success).to.equal(true);
    });
  }

  const invalid: Array<[string, string, PetProblems]> = [
    ['', 'dog', { name: 'nameMissing' }],
    ['   ', 'dog', { name: 'nameMissing' }],
    ['a'.repeat(PET_NAME_MAX + 1), 'dog', { name: 'nameLong' }],
    ['Rex2', 'dog', { name: 'nameChars' }],
    ['Rex!', 'dog', { name: 'nameChars' }],
    ['<b>Rex</b>', 'dog', { name: 'nameChars' }],
    ['Rex 🐶', 'dog', { name: 'nameChars' }],
    ["-'-", 'dog', { name: 'nameChars' }],
    ['Rex', '', { species: 'speciesMissing' }],
    ['Rex', 'hamster', { species: 'speciesMissing' }],
    ['Rex', 'Dog', { species: 'speciesMissing' }],
    ['', '', { name: 'nameMissing', species: 'speciesMissing' }],
  ];
  for (const [name, species, problems] of invalid) {
    it(`refuses ${JSON.stringify(name)} / ${JSON.stringify(species)}`, () => {
      expect(checkPet(name, species)).to.deep.equal({ problems });
    });
  }

  it('offers dog, cat and other', () => {
    expect([...PET_SPECIES]).to.deep.equal(['dog', 'cat', 'other']);
  });
});
