import { describe, expect, it } from 'vitest';
import { DateFormatDetector, formatsReading, parseCalendarDate, parseDateFormatOption, parseDateTime } from './date-values.ts';

const iso = (date: Date | null) => date?.toISOString() ?? null;

describe('parseDateTime', () => {
  it('reads ISO dates and date-times, with or without an offset', () => {
    expect(iso(parseDateTime('2010-12-01', 'iso'))).toBe('2010-12-01T00:00:00.000Z');
    expect(iso(parseDateTime('2010-12-01 08:26', 'iso'))).toBe('2010-12-01T08:26:00.000Z');
    expect(iso(parseDateTime('2010-12-01T08:26:30.5Z', 'iso'))).toBe('2010-12-01T08:26:30.500Z');
    expect(iso(parseDateTime('2010-12-01T08:26:00+08:00', 'iso'))).toBe('2010-12-01T00:26:00.000Z');
    expect(iso(parseDateTime('2010-12-01T08:26', 'iso', 'Asia/Shanghai'))).toBe('2010-12-01T00:26:00.000Z');
    expect(parseDateTime('2011-02-30', 'iso')).toBeNull();
  });

  it('reads month-first (UCI) and day-first dates, with 12-hour clocks', () => {
    expect(iso(parseDateTime('12/1/2010 8:26', 'mdy'))).toBe('2010-12-01T08:26:00.000Z');
    expect(iso(parseDateTime('12/1/2010 8:26', 'dmy'))).toBe('2010-01-12T08:26:00.000Z');
    expect(iso(parseDateTime('12/13/2010 11:05:09 PM', 'mdy'))).toBe('2010-12-13T23:05:09.000Z');
    expect(iso(parseDateTime('13.12.2010', 'dmy'))).toBe('2010-12-13T00:00:00.000Z');
    expect(parseDateTime('12/13/2010', 'dmy')).toBeNull();
    expect(parseDateTime('12/1/10 8:26', 'mdy')).toBeNull();
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(iso(parseDateTime('1291191960', 'epoch_s'))).toBe('2010-12-01T08:26:00.000Z');
    expect(iso(parseDateTime('1291191960000', 'epoch_ms'))).toBe('2010-12-01T08:26:00.000Z');
    expect(parseDateTime('12.5', 'epoch_s')).toBeNull();
  });

  it('keeps the written calendar date of a date column', () => {
    expect(parseCalendarDate('1990-05-20T23:00:00-05:00', 'iso')).toBe('1990-05-20');
    expect(parseCalendarDate('5/20/1990', 'mdy')).toBe('1990-05-20');
    expect(parseCalendarDate('20/05/1990', 'dmy')).toBe('1990-05-20');
  });
});

describe('date format detection', () => {
  it('lists the formats a value fits', () => {
    expect(formatsReading('12/1/2010 8:26')).toEqual(['mdy', 'dmy']);
    expect(formatsReading('12/13/2010 8:26')).toEqual(['mdy']);
    expect(formatsReading('2010-12-01')).toEqual(['iso']);
    expect(formatsReading('1291191960')).toEqual(['epoch_s']);
    expect(formatsReading('1291191960000')).toEqual(['epoch_ms']);
  });

  it('decides once a value rules the other reading out, ignoring unreadable values', () => {
    const detector = new DateFormatDetector();
    detector.observe('12/1/2010 8:26');
    expect(detector.decided).toBe(false);
    detector.observe('not a date');
    detector.observe('12/13/2010 9:00');
    expect(detector.decided).toBe(true);
    expect(detector.result('InvoiceDate')).toBe('mdy');
    const dayFirst = new DateFormatDetector();
    for (const value of ['01/12/2010', '25/12/2010']) dayFirst.observe(value);
    expect(dayFirst.result('date')).toBe('dmy');
  });

  it('asks for --date-format when every value is ambiguous', () => {
    const detector = new DateFormatDetector();
    for (const value of ['3/4/2011', '5/6/2011']) detector.observe(value);
    expect(() => detector.result('InvoiceDate')).toThrow(/InvoiceDate: every date in the file could be month\/day or day\/month .* --date-format M\/D\/YYYY/);
  });

  it('reads --date-format names', () => {
    expect(['iso', 'M/D/YYYY H:mm', 'MM/DD/YYYY', 'mdy', 'DD/MM/YYYY', 'd/m/yyyy', 'epoch', 'epoch_ms'].map(parseDateFormatOption)).toEqual([
      'iso', 'mdy', 'mdy', 'mdy', 'dmy', 'dmy', 'epoch_s', 'epoch_ms',
    ]);
    expect(() => parseDateFormatOption('YY/MM')).toThrow(/--date-format "YY\/MM" is not a known format/);
  });
});
