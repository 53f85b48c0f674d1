import { describe, expect, it } from 'vitest';
import { CodedError } from '../errors.ts';
import { loadHillstrom, parseHillstrom } from './hillstrom-data.ts';

const HEADER = 'recency,history_segment,history,mens,womens,zip_code,newbie,channel,segment,visit,conversion,spend';

describe('parseHillstrom', () => {
  it('reads rows into typed customers, quoted spend bands included', () => {
    const text = `${HEADER}\n10,2) $100 - $200,142.44,1,0,Surburban,0,Phone,Womens E-Mail,0,0,0\n` +
      `6,"6) $750 - $1,000",800.10,1,1,Rural,1,Web,No E-Mail,1,1,29.99\n`;
    expect(parseHillstrom(text)).toEqual([
      { recency: 10, historySegment: 2, history: 142.44, boughtMens: true, boughtWomens: false, zipCode: 'Surburban', newbie: false, channel: 'Phone', group: 'Womens E-Mail', visit: false, conversion: false, spend: 0 },
      { recency: 6, historySegment: 6, history: 800.1, boughtMens: true, boughtWomens: true, zipCode: 'Rural', newbie: true, channel: 'Web', group: 'No E-Mail', visit: true, conversion: true, spend: 29.99 },
    ]);
  });

  it('names the line and the field of every bad row', () => {
    const text = `${HEADER}\n10,2) $100 - $200,142.44,1,0,Surburban,0,Phone,Womens E-Mail,0,0,0\n13,2) $100 - $200,142.44,1,0,Surburban,0,Fax,Womens E-Mail,0,0,0\n`;
    expect(() => parseHillstrom(text)).toThrow(CodedError);
    expect(() => parseHillstrom(text)).toThrow(/line 3: recency: .*; channel: /);
  });

  it('refuses a file without the experiment’s columns', () => {
    expect(() => parseHillstrom('recency,visit\n1,0\n')).toThrow(/missing: history_segment, history/);
  });

  it('says where the file is missing', async () => {
    await expect(loadHillstrom('/nonexistent/hillstrom.csv')).rejects.toThrow(/no Hillstrom file at \/nonexistent\/hillstrom\.csv/);
  });
});
