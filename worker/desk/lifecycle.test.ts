import { describe, expect, it } from 'vitest';
import { type TicketStatus, ticketStatuses } from '../../schema/index.ts';
import { maskPhone } from '../lib/fields.ts';
import { DAY_MS, shanghaiDay } from '../lib/time.ts';
import { isOverdue } from './clock.ts';
import { isOpen, type Transition, transitionProblem, transitions } from './lifecycle.ts';

/** The lifecycle as the issue draws it, written out independently of the table under test. */
const allowed: Record<Transition, TicketStatus[]> = {
  accept: ['submitted'],
  start: ['accepted'],
  resolve: ['accepted', 'in_progress'],
  close: ['resolved'],
  reject: ['submitted', 'accepted'],
  duplicate: ['submitted', 'accepted', 'in_progress'],
  reopen: ['resolved', 'closed'],
};
const target: Record<Transition, TicketStatus> = {
  accept: 'accepted',
  start: 'in_progress',
  resolve: 'resolved',
  close: 'closed',
  reject: 'rejected',
  duplicate: 'duplicate',
  reopen: 'in_progress',
};

describe('the transition table', () => {
  for (const action of Object.keys(allowed) as Transition[]) {
    for (const status of ticketStatuses) {
      const ok = allowed[action].includes(status);
      it(`${action} from ${status} is ${ok ? 'allowed' : 'forbidden'}`, () => {
        const problem = transitionProblem(action, status);
        if (ok) {
          expect(problem).toBeNull();
        } else {
          // The reason names the current status and where the action may start from.
          expect(problem).toContain(status.replace('_', ' '));
          expect(problem).toMatch(/only one that is /);
        }
      });
    }
    it(`${action} leads to ${target[action]}`, () => {
      expect(transitions[action].to).toBe(target[action]);
    });
  }

  it('has no other actions than the lifecycle names', () => {
    expect(Object.keys(transitions).sort()).toEqual(Object.keys(allowed).sort());
  });

  it('lets nothing but a reopen out of closed, and nothing at all out of rejected or duplicate', () => {
    const outOf = (s: TicketStatus) =>
      (Object.keys(transitions) as Transition[]).filter((a) => transitionProblem(a, s) === null);
    expect(outOf('closed')).toEqual(['reopen']);
    expect(outOf('rejected')).toEqual([]);
    expect(outOf('duplicate')).toEqual([]);
  });

  it('words the reason for people, with spaces instead of underscores', () => {
    expect(transitionProblem('start', 'submitted')).toBe(
      'A ticket that is submitted cannot be started; only one that is accepted.',
    );
    expect(transitionProblem('reject', 'in_progress')).toBe(
      'A ticket that is in progress cannot be rejected; only one that is submitted or accepted.',
    );
    expect(transitionProblem('accept', 'in_progress')).not.toContain('_');
    expect(transitionProblem('reject', 'in_progress')).not.toContain('_');
  });
});

describe('open and overdue', () => {
  it('counts only submitted, accepted and in progress as open', () => {
    expect(ticketStatuses.filter(isOpen)).toEqual(['submitted', 'accepted', 'in_progress']);
  });

  it('is overdue only while open, its clock running, and past the due time', () => {
    const now = Date.UTC(2026, 10, 26);
    expect(isOverdue({ status: 'accepted', dueAt: now - 1 }, now)).toBe(true);
    expect(isOverdue({ status: 'accepted', dueAt: now }, now)).toBe(false);
    expect(isOverdue({ status: 'resolved', dueAt: now - DAY_MS }, now)).toBe(false);
    expect(isOverdue({ status: 'in_progress', dueAt: now - DAY_MS, pausedAt: now - 2 * DAY_MS }, now)).toBe(false);
  });
});

describe('maskPhone', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskPhone('13800000001')).toBe('138****0001');
    expect(maskPhone('138-1234-5678')).toBe('138****5678');
    expect(maskPhone('037166668888')).toBe('037*****8888');
  });

  it('hides short numbers completely, and an erased one stays empty', () => {
    expect(maskPhone('123456')).toBe('******');
    expect(maskPhone('')).toBe('');
  });
});

describe('shanghaiDay', () => {
  it('is the calendar day in Zhengzhou (UTC+8)', () => {
    expect(shanghaiDay(Date.UTC(2026, 10, 26, 2))).toBe('20261126');
    expect(shanghaiDay(Date.UTC(2026, 10, 26, 15, 59, 59))).toBe('20261126');
    expect(shanghaiDay(Date.UTC(2026, 10, 26, 16))).toBe('20261127');
    expect(shanghaiDay(Date.UTC(2026, 11, 31, 17))).toBe('20270101');
  });
});
