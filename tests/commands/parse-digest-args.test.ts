import { describe, expect, it } from 'vitest';
import { parseDigestArgs, parseTime, parseTimeZone, parseWeekday } from '../../src/commands/parse-digest-args.js';

describe('parseDigestArgs', () => {
  it('parses the simple actions', () => {
    expect(parseDigestArgs([])).toEqual({ action: 'show' });
    for (const action of ['on', 'off', 'preview', 'now'] as const) expect(parseDigestArgs([action.toUpperCase()])).toEqual({ action });
  });

  it('parses weekly with and without a zone, canonicalising it', () => {
    expect(parseDigestArgs(['weekly', 'fri', '16:30', 'europe/berlin'])).toEqual({ action: 'weekly', weekday: 5, time: '16:30', timeZone: 'Europe/Berlin' });
    expect(parseDigestArgs(['weekly', 'Monday', '9:05'])).toEqual({ action: 'weekly', weekday: 1, time: '09:05', timeZone: null });
  });

  it.each([
    [['weekly'], 'the day is missing'],
    [['weekly', 'funday', '09:00'], '"funday" is not a day'],
    [['weekly', 'mon'], 'the time is missing'],
    [['weekly', 'mon', '25:00'], '"25:00" is not a time'],
    [['weekly', 'mon', '9am'], '"9am" is not a time'],
    [['weekly', 'mon', '09:00', 'Mars/Olympus'], '"Mars/Olympus" is not an IANA time zone'],
    [['weekly', 'mon', '09:00', '+02:00'], '"+02:00" is not an IANA time zone'],
    [['weekly', 'mon', '09:00', 'UTC', 'extra'], 'unexpected words'],
    [['daily'], '"daily" is not a digest option'],
    [['off', 'now'], 'takes no more words'],
  ])('%j -> problem %s', (words, problem) => {
    const result = parseDigestArgs(words);
    expect('problem' in result && result.problem).toContain(problem);
  });

  it('parses days, times and zones', () => {
    expect(parseWeekday('sun')).toBe(0);
    expect(parseWeekday('thurs')).toBe(4);
    expect(parseWeekday('weds')).toBe(3);
    expect(parseWeekday('s')).toBeNull();
    expect(parseWeekday('t')).toBeNull();
    expect(parseTime('23:59')).toBe('23:59');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('12:60')).toBeNull();
    expect(parseTimeZone('UTC')).toBe('UTC');
    expect(parseTimeZone('America/New_York')).toBe('America/New_York');
    expect(parseTimeZone('Not/AZone')).toBeNull();
  });
});
