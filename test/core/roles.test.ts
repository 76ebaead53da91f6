import { expect } from '@open-wc/testing';
import { ROLES, nameAndRole } from '../../src/core/roles.js';

describe('care-team roles', () => {
  it('names every role in plain words in English and Spanish', () => {
    expect(Object.keys(ROLES.es)).to.deep.equal(Object.keys(ROLES.en));
    for (const words of [...Object.values(ROLES.en), ...Object.values(ROLES.es)]) {
      expect(words).to.match(/^[a-zé ]+$/);
    }
  });

  it('writes "name, role" and shows an unknown role as it came', () => {
    expect(nameAndRole({ name: 'Sam Rivera', role: 'individual-therapist' }, 'en')).to.equal(
      'Sam Rivera, therapist',
    );
    expect(nameAndRole({ name: 'Dr. Maya Okafor', role: 'couples-therapist' }, 'es')).to.equal(
      'Dr. Maya Okafor, terapeuta de pareja',
    );
    expect(nameAndRole({ name: 'Lee', role: 'peer-coach' }, 'en')).to.equal('Lee, peer-coach');
  });
});
