import { describe, expect, it } from 'vitest';
import { isGsm7, smsSegments } from './sms-segments.ts';

describe('smsSegments', () => {
  it('fits 160 GSM-7 characters in one segment and splits 161 into two', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', characters: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', characters: 161, segments: 2 });
  });

  it('uses 153 characters per segment once a GSM-7 text is split', () => {
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts GSM-7 extension characters such as € as two', () => {
    expect(smsSegments('€')).toEqual({ encoding: 'GSM-7', characters: 2, segments: 1 });
    expect(smsSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', characters: 160, segments: 1 });
    expect(smsSegments(`${'a'.repeat(159)}€`)).toEqual({ encoding: 'GSM-7', characters: 161, segments: 2 });
    expect(smsSegments('[~]{|}^\\').characters).toBe(16);
  });

  it('never splits an extension character across segments', () => {
    // 306 septets would fill two segments exactly, but the € pair cannot start at septet 153.
    const text = `${'a'.repeat(152)}€${'a'.repeat(152)}`;
    expect(smsSegments(text)).toEqual({ encoding: 'GSM-7', characters: 306, segments: 3 });
  });

  it('keeps £, $ and ¥ in GSM-7 at one unit each', () => {
    expect(smsSegments('£$¥')).toEqual({ encoding: 'GSM-7', characters: 3, segments: 1 });
  });

  it('fits 70 Chinese characters in one UCS-2 segment and splits 71 into two', () => {
    expect(smsSegments('乐'.repeat(70))).toEqual({ encoding: 'UCS-2', characters: 70, segments: 1 });
    expect(smsSegments('乐'.repeat(71))).toEqual({ encoding: 'UCS-2', characters: 71, segments: 2 });
    expect(smsSegments('乐'.repeat(134)).segments).toBe(2);
    expect(smsSegments('乐'.repeat(135)).segments).toBe(3);
  });

  it('switches the whole text to UCS-2 for one character outside GSM-7', () => {
    expect(smsSegments(`${'a'.repeat(69)}’`)).toEqual({ encoding: 'UCS-2', characters: 70, segments: 1 });
    expect(smsSegments('Hi — there').encoding).toBe('UCS-2');
  });

  it('counts characters outside the Basic Multilingual Plane as two UCS-2 units', () => {
    expect(smsSegments('😀')).toEqual({ encoding: 'UCS-2', characters: 2, segments: 1 });
    expect(smsSegments('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', characters: 70, segments: 1 });
    expect(smsSegments(`${'乐'.repeat(69)}😀`)).toEqual({ encoding: 'UCS-2', characters: 71, segments: 2 });
  });

  it('never splits a surrogate pair across segments', () => {
    // 134 units would fill two segments exactly, but the emoji's pair cannot start at unit 67.
    const text = `${'乐'.repeat(66)}😀${'乐'.repeat(66)}`;
    expect(smsSegments(text)).toEqual({ encoding: 'UCS-2', characters: 134, segments: 3 });
  });

  it('reports an empty text as no segments', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', characters: 0, segments: 0 });
  });
});

describe('isGsm7', () => {
  it('accepts the basic and extension tables and rejects everything else', () => {
    expect(isGsm7('[Lumen] Spend ¥300, save €50! Reply STOP to opt out')).toBe(true);
    expect(isGsm7('【乐萌】回T退订')).toBe(false);
    expect(isGsm7('it’s')).toBe(false);
  });
});
