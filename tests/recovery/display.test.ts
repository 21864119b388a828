import { expect } from 'chai';
import { displayValue, formatAmount, formatDate, formatDateRange, formatPhone } from '../../src/recovery';

// ICU puts thin and no-break spaces in ranges and amounts; the tests compare the words, not the kind of space.
const plain = (text: string): string => text.replace(/\s/g, ' ');

describe('display', () => {
  describe('formatDate()', () => {
    const table: Array<[string, string]> = [
      ['2026-03-06', 'Friday, 6 March 2026'],
      ['2026-03-29', 'Sunday, 29 March 2026'], // Europe's DST change day: no shift, the date as written
      ['2024-02-29', 'Thursday, 29 February 2024'],
      ['2026-12-31', 'Thursday, 31 December 2026'],
    ];
    for (const [iso, expected] of table) {
      it(`should write ${iso} as "${expected}"`, () => expect(plain(formatDate(iso))).to.equal(expected));
    }

    it('should write the date in the locale asked for', () => {
      expect(plain(formatDate('2026-03-06', 'en-US'))).to.equal('Friday, March 6, 2026');
      expect(plain(formatDate('2026-03-06', 'fr-FR'))).to.equal('vendredi 6 mars 2026');
    });

    const unchanged = ['', '2026-3-6', '06/03/2026', '2026-03-06T10:00:00Z', ' 2026-03-06', 'tomorrow', '2026-03-06/2026-03-08'];
    for (const value of unchanged) {
      it(`should give ${JSON.stringify(value)} back as it is`, () => expect(formatDate(value)).to.equal(value));
    }

    // Impossible dates are not rolled over into the next month or year.
    const impossible = ['2026-02-29', '2026-04-31', '2026-02-30', '2026-13-01', '2026-00-10', '2026-03-00', '2026-03-32', '0000-01-01'];
    for (const value of impossible) {
      it(`should give the impossible date ${value} back as it is`, () => expect(formatDate(value)).to.equal(value));
    }

    it('should write a year before 100 as that year, not as 19xx', () => {
      expect(plain(formatDate('0099-01-01'))).to.match(/ 99$/);
    });
  });

  describe('formatDateRange()', () => {
    const table: Array<[string, string]> = [
      ['2026-03-06/2026-03-08', '6 – 8 March 2026'],
      ['2026-03-30/2026-04-02', '30 March – 2 April 2026'],
      ['2026-12-30/2027-01-02', '30 December 2026 – 2 January 2027'],
      ['2026-03-06/2026-03-06', '6 March 2026'],
    ];
    for (const [range, expected] of table) {
      it(`should write ${range} as "${expected}"`, () => expect(plain(formatDateRange(range))).to.equal(expected));
    }

    it('should write the range in the locale asked for', () => {
      expect(plain(formatDateRange('2026-03-06/2026-03-08', 'en-US'))).to.equal('March 6 – 8, 2026');
    });

    const unchanged = [
      '', '2026-03-06', '2026-03-06/', '/2026-03-08', '2026-03-06/soon', 'a/b', '2026-03-06 to 2026-03-08',
      '2026-03-06/2026-02-30', '2026-02-29/2026-03-02', '2026-03-06/2026-13-01', '2026-03-06/2026-03-08/2026-03-09',
    ];
    for (const value of unchanged) {
      it(`should give ${JSON.stringify(value)} back as it is`, () => expect(formatDateRange(value)).to.equal(value));
    }

    const reversed = ['2026-03-08/2026-03-06', '2027-01-02/2026-12-30', '2026-04-02/2026-03-30'];
    for (const value of reversed) {
      it(`should give the reversed range ${value} back as it is`, () => expect(formatDateRange(value)).to.equal(value));
    }
  });

  describe('formatAmount()', () => {
    const table: Array<[string, string]> = [
      ['312.00 EUR', '€312.00'],
      ['312 EUR', '€312.00'],
      ['0.00 EUR', '€0.00'],
      ['642.00 GBP', '£642.00'],
      ['1196.00 USD', 'US$1,196.00'],
      ['5000 JPY', 'JP¥5,000'],
      ['1234.5 CHF', 'CHF 1,234.50'],
      ['12.345 KWD', 'KWD 12.345'],
    ];
    for (const [value, expected] of table) {
      it(`should write ${value} as "${expected}"`, () => expect(plain(formatAmount(value))).to.equal(expected));
    }

    it('should write the amount in the locale asked for', () => {
      expect(plain(formatAmount('1234.50 EUR', 'de-DE'))).to.equal('1.234,50 €');
      expect(plain(formatAmount('1234.50 EUR', 'en-US'))).to.equal('€1,234.50');
    });

    const unchanged = [
      '312.00', '312.00 eur', 'EUR 312.00', '312,00 EUR', '-5.00 EUR', '1e3 EUR', '312.00  EUR', '312.00 EURO', '', 'free',
      '312.00 ABC', '312.00 XYZ', '312.00 QQQ', // three capitals that are no currency
    ];
    for (const value of unchanged) {
      it(`should give ${JSON.stringify(value)} back as it is`, () => expect(formatAmount(value)).to.equal(value));
    }
  });

  describe('formatPhone()', () => {
    const table: Array<[string, string]> = [
      ['+442079460958', '+44 20 7946 0958'],
      ['+33142683110', '+33 1 42 68 31 10'],
      ['+12125550187', '+1 212 555 0187'],
      ['+351912345678', '+351 912 345 678'],
      ['+44 20 7946 0958', '+44 20 7946 0958'],
    ];
    for (const [value, expected] of table) {
      it(`should write ${value} as "${expected}"`, () => expect(plain(formatPhone(value))).to.equal(expected));
    }

    // Without a country code the number cannot be read for sure; an impossible one is not tidied into a plausible one.
    const unchanged = ['02079460958', '442079460958', '+4420794609', '+999123456', 'not a phone', ''];
    for (const value of unchanged) {
      it(`should give ${JSON.stringify(value)} back as it is`, () => expect(formatPhone(value)).to.equal(value));
    }
  });

  describe('displayValue()', () => {
    const table: Array<[Parameters<typeof displayValue>[0], string, string]> = [
      ['date', '2026-03-06', 'Friday, 6 March 2026'],
      ['dateRange', '2026-03-06/2026-03-08', '6 – 8 March 2026'],
      ['amount', '386.00 EUR', '€386.00'],
      ['date', '2026-02-29', '2026-02-29'],
      ['dateRange', '2026-03-08/2026-03-06', '2026-03-08/2026-03-06'],
      ['amount', '386.00 ABC', '386.00 ABC'],
      ['phone', '+442079460958', '+44 20 7946 0958'],
      // Other kinds are shown as the traveller gave them, even when they look like a date or an amount.
      ['text', '2026-03-06', '2026-03-06'],
      ['bookingReference', 'WL-H482913', 'WL-H482913'],
      ['currency', 'EUR', 'EUR'],
      ['name', 'Anna Schmidt', 'Anna Schmidt'],
      ['choice', '312.00 EUR', '312.00 EUR'],
    ];
    for (const [kind, value, expected] of table) {
      it(`should show a ${kind} ${value} as "${expected}"`, () => expect(plain(displayValue(kind, value))).to.equal(expected));
    }

    it('should pass the locale on', () => {
      expect(plain(displayValue('date', '2026-03-06', 'en-US'))).to.equal('Friday, March 6, 2026');
    });
  });
});
