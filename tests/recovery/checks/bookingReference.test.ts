import { expect } from 'chai';
import { checkBookingReference, type CheckResult } from '../../../src/recovery';
import { recoveryKb } from '../../fixtures/recovery/kb';

const formats = recoveryKb.platform.referenceFormats;

describe('checkBookingReference()', () => {
  const table: Array<[string, CheckResult['kind'], string?]> = [
    ['WL-H482913', 'valid', 'WL-H482913'],
    ['wl-h482913', 'valid', 'WL-H482913'],
    [' WL H482 913 ', 'valid', 'WL-H482913'],
    ['WLH482913', 'valid', 'WL-H482913'],
    ['wl-f123456', 'valid', 'WL-F123456'],
    ['WL-H48291O', 'suggestion', 'WL-H482910'],
    ['WL-HI82913', 'suggestion', 'WL-H182913'],
    ['WLHO12345', 'suggestion', 'WL-H012345'],
    ['WL-HH482913', 'suggestion', 'WL-H482913'],
    ['WL-H48291', 'invalid'],
    ['WL-J482913', 'invalid'],
    ['hello', 'invalid'],
    ['', 'invalid'],
  ];
  for (const [input, kind, value] of table) {
    it(`should read "${input}" as ${kind}${value ? ` ${value}` : ''}`, () => {
      const result = checkBookingReference(input, formats);
      expect(result.kind).to.equal(kind);
      if (value) expect(result).to.have.property('value', value);
    });
  }

  it('should phrase a near miss as "did you mean"', () => {
    const result = checkBookingReference('WL-H48291O', formats);
    expect(result.kind === 'suggestion' && result.reason).to.include('Did you mean WL-H482910?');
  });

  it('should show the platform formats when it cannot help', () => {
    const result = checkBookingReference('12345', formats);
    expect(result.kind === 'invalid' && result.reason).to.include('WL-H482913 (hotel)');
  });
});
