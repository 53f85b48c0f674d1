import { describe, expect, it } from 'vitest';
import { CodedError } from '../errors.ts';
import { parseOutcomeCsv } from './outcome-csv.ts';

const HEADER = 'campaign_id,sent,delivered,converted,revenue,holdout_size,holdout_converted';

describe('parseOutcomeCsv', () => {
  it('reads each row with its line number, ended_at optional', () => {
    const text = `${HEADER},ended_at\ncmp_a,1000,970,42,12600.50,100,2,2025-06-30\n\ncmp_b,500,480,10,3000,0,0,\n`;
    expect(parseOutcomeCsv(text)).toEqual([
      { line: 2, campaignId: 'cmp_a', sent: 1000, delivered: 970, converted: 42, revenue: 12600.5, holdoutSize: 100, holdoutConverted: 2, endedAt: new Date('2025-06-30') },
      { line: 4, campaignId: 'cmp_b', sent: 500, delivered: 480, converted: 10, revenue: 3000, holdoutSize: 0, holdoutConverted: 0, endedAt: null },
    ]);
  });

  it('accepts columns in any order and case, with a byte-order mark', () => {
    const text = '\uFEFFHoldout_Converted,holdout_size,revenue,converted,delivered,sent,Campaign_ID\n1,50,99.9,3,90,100,cmp_x\n';
    expect(parseOutcomeCsv(text)).toEqual([
      { line: 2, campaignId: 'cmp_x', sent: 100, delivered: 90, converted: 3, revenue: 99.9, holdoutSize: 50, holdoutConverted: 1, endedAt: null },
    ]);
  });

  it('lists every problem with its line, and imports nothing', () => {
    const text = [
      HEADER,
      'cmp_a,1000,970,42,12600.50,100,2',
      'cmp_b,100,120,5,10,0,0',
      ',10,10,1,abc,0,0',
      'cmp_c,10,10,11,5,10,11',
      'cmp_a,1,1,1,1,1,1',
      'cmp_d,-5,0,0,0,,0',
    ].join('\n');
    expect(() => parseOutcomeCsv(text)).toThrow(CodedError);
    let message = '';
    try {
      parseOutcomeCsv(text);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('; ')).toEqual([
      'the outcomes file has problems, nothing was imported: line 3: delivered (120) cannot exceed sent (100)',
      'line 4: campaign_id is empty',
      'line 4: revenue must be an amount of at least 0 with up to two decimals, e.g. 1234.50, got "abc"',
      'line 5: converted (11) cannot exceed sent (10)',
      'line 5: holdout_converted (11) cannot exceed holdout_size (10)',
      'line 6: campaign cmp_a is already on line 2',
      'line 7: sent must be a whole number of at least 0, got "-5"',
      'line 7: holdout_size is empty (write 0 when there was no holdout)',
    ]);
  });

  it('names missing and unknown columns on line 1', () => {
    expect(() => parseOutcomeCsv('campaign_id,sent,conversions\ncmp,1,1\n')).toThrow(
      /^line 1: missing columns delivered, converted, revenue, holdout_size, holdout_converted; unknown column conversions/,
    );
    expect(() => parseOutcomeCsv('')).toThrow(/empty/);
    expect(() => parseOutcomeCsv(`${HEADER}\n`)).toThrow(/no rows/);
    expect(() => parseOutcomeCsv(`${HEADER}\ncmp,1,1\n`)).toThrow(/not valid CSV: .*line 2/);
    expect(() => parseOutcomeCsv(`${HEADER},ended_at\ncmp,1,1,1,1,0,0,yesterday\n`)).toThrow(/line 2: ended_at must be a date/);
  });
});
