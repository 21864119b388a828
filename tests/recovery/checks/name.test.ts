import { expect } from 'chai';
import { checkName, type CheckResult } from '../../../src/recovery';

const booking = ['Zoë Müller', 'Jan de Vries'];

describe('checkName()', () => {
  const table: Array<[string, CheckResult['kind'], string?]> = [
    ['Zoë Müller', 'valid', 'Zoë Müller'],
    ['zoe muller', 'valid', 'Zoë Müller'],
    ['MÜLLER ZOË', 'valid', 'Zoë Müller'],
    ['Muller, Zoe', 'valid', 'Zoë Müller'],
    ['Zoe Mueller', 'suggestion', 'Zoë Müller'],
    ['Zoe Muler', 'suggestion', 'Zoë Müller'],
    ['jan devries', 'suggestion', 'Jan de Vries'],
    ['Peter Smith', 'invalid'],
    ['x', 'invalid'],
  ];
  for (const [input, kind, value] of table) {
    it(`should read "${input}" as ${kind}${value ? ` ${value}` : ''}`, () => {
      const result = checkName(input, booking);
      expect(result.kind).to.equal(kind);
      if (value) expect(result).to.have.property('value', value);
    });
  }

  it('should check only the form when the booking names are unknown', () => {
    expect(checkName('  peter   smith ')).to.deep.equal({ kind: 'valid', value: 'peter smith' });
  });
});
