import { escape } from 'mysql2';
import { sqlDatetime, sqlDecimal, sqlText, tsvText } from './bulk-write';

// The billing run formats its values itself (outside the transaction, once per chunk): the SQL
// literals must be exactly what mysql2's escaping writes, and the LOAD DATA fields must survive the
// server's default field format (tab-separated, backslash escapes).
describe('bulk-write formatting', () => {
  const texts = [
    '',
    'plain',
    "O'Brien",
    'quote " and backslash \\',
    'tab\tnew line\ncarriage\rnul\0 ctrl-z\x1a backspace\b',
    '1,300,000 orders: 1,000,000 × 0.1/100 + 300,000 × 0.04/100 = 1120 → 1120.00',
    '\\N',
  ];

  it.each(texts)('sqlText(%j) is mysql2 escape()', (s) => {
    expect(sqlText(s)).toBe(escape(s));
  });

  it('sqlDecimal passes decimal strings and refuses anything else', () => {
    expect(sqlDecimal('1120.00')).toBe('1120.00');
    expect(sqlDecimal('-50.00')).toBe('-50.00');
    expect(sqlDecimal('18446744073709551615')).toBe('18446744073709551615');
    for (const bad of ['', '1e3', '1.', '.5', '1; DROP TABLE bill', 'NaN', ' 1']) expect(() => sqlDecimal(bad)).toThrow('not a decimal');
  });

  it('sqlDatetime writes the UTC instant with milliseconds, as mysql2 does on a timezone Z connection', () => {
    const d = new Date('2026-11-20T04:00:00.123Z');
    expect(sqlDatetime(d)).toBe("'2026-11-20 04:00:00.123'");
    expect(sqlDatetime(d)).toBe(escape(d, false, 'Z'));
    expect(() => sqlDatetime(new Date('nope'))).toThrow('invalid date');
  });

  it('tsvText escapes what would end a field or a line, and backslashes (so "\\N" stays text, not NULL)', () => {
    expect(tsvText('a\tb\nc\rd\\e\0f')).toBe('a\\tb\\nc\\rd\\\\e\\0f');
    expect(tsvText('\\N')).toBe('\\\\N');
    const s = '1,000,000 × 0.1/100 → 1000.00';
    expect(tsvText(s)).toBe(s);
  });
});
