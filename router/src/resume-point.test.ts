import { describe, expect, it } from '@jest/globals';
import { comparePositions, ResumePoint } from './resume-point.js';

describe('ResumePoint', () => {
  it('orders Redis Stream ids and padded sequence numbers by their numbers', () => {
    expect(['1796491898465-10', '1796491898465-2', '1796491898400-7'].sort(comparePositions)).toEqual(['1796491898400-7', '1796491898465-2', '1796491898465-10']);
    expect(['000000000010', '000000000009'].sort(comparePositions)).toEqual(['000000000009', '000000000010']);
  });

  it('resumes after the oldest recent position, so an event overtaken on the live channel is replayed, and drops repeats', () => {
    const resume = new ResumePoint();
    expect(resume.after).toBeUndefined();
    // 5 was published before 6 but arrives after it; 7 has not arrived when the link drops
    expect([resume.accept('1-6'), resume.accept('1-5')]).toEqual([true, true]);
    expect(resume.after).toBe('1-5');
    // the replay after 1-5 brings 6 again (dropped) and 7 (new)
    expect([resume.accept('1-6'), resume.accept('1-7')]).toEqual([false, true]);
  });

  it('drops an event relayed twice: the same id under a new position', () => {
    const resume = new ResumePoint();
    expect([resume.accept('1-1', 'event-a'), resume.accept('1-2', 'event-a'), resume.accept('1-3', 'event-b')]).toEqual([true, false, true]);
  });

  it('remembers only the latest `kept` positions', () => {
    const resume = new ResumePoint(2);
    for (const position of ['1', '2', '3']) resume.accept(position);
    expect(resume.after).toBe('2');
    expect(resume.accept('1')).toBe(true);
  });
});
