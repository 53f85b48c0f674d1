// Trajectory: what each case expects, and the agentevals strict and superset matches.
import { describe, expect, it } from 'vitest';
import { sampleCase } from './scorer-fixtures.ts';
import { expectedTrajectory, trajectoryScores } from './trajectory.ts';

const plan = [['query_segment'], ['forecast_impact', 'generate_copy', 'schedule_send']];
const calls = (steps: string[][]) => steps.map((names) => names.map((name) => ({ name, args: {} })));

describe('expectedTrajectory', () => {
  it('is the case own, none for a question, a plan per turn, or unchecked when either would do', () => {
    expect(expectedTrajectory(sampleCase({ expect: { trajectory: [['query_segment']] } }))).toEqual([['query_segment']]);
    expect(expectedTrajectory(sampleCase({ expect: { status: 'needs_clarification' } }))).toEqual([]);
    expect(expectedTrajectory(sampleCase({ turns: ['a', 'b'], expect: { status: 'needs_approval' } }))).toEqual([...plan, ...plan]);
    expect(expectedTrajectory(sampleCase({ expect: { brief: { objective: 'winback' } } }))).toEqual(plan);
    expect(expectedTrajectory(sampleCase({ expect: { status: ['needs_approval', 'needs_clarification'] } }))).toBeNull();
    expect(expectedTrajectory(sampleCase({ expect: {} }))).toBeNull();
  });
});

describe('trajectoryScores', () => {
  it('strict wants the turns in order, superset only the calls', async () => {
    const reordered = await trajectoryScores(calls([['query_segment'], ['schedule_send', 'generate_copy', 'forecast_impact']]), plan);
    expect(reordered.map((score) => score.pass)).toEqual([true, true]);
    const extra = await trajectoryScores(calls([['query_segment'], ['forecast_impact', 'generate_copy', 'schedule_send'], ['query_segment']]), plan);
    expect(extra.map((score) => [score.key, score.pass])).toEqual([['trajectory.strict', false], ['trajectory.superset', true]]);
    const short = await trajectoryScores(calls([['query_segment']]), plan);
    expect(short[1]).toMatchObject({ pass: false, reason: 'query_segment, expected query_segment -> forecast_impact+generate_copy+schedule_send' });
  });
});
