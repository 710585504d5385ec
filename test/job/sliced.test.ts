/**
 * The job machinery the members import and the number check share (src/job/sliced.ts): the stored job and its
 * list split under the property value limit, the walk within the slice's budget, where a job stands after a
 * slice, and the postponing of a slice that could not run.
 */
import { describe, expect, it } from '@jest/globals';
import {
  clearSlicedJob,
  type JobSlot,
  loadSlicedJob,
  postponeJob,
  SLICE_BUDGET_MS,
  type SlicedJob,
  saveSlicedJob,
  settleSlice,
  walkItems,
} from '../../src/job/sliced';

function properties() {
  const store: Record<string, string> = {};
  return {
    store,
    props: {
      getProperties: () => ({ ...store }),
      getProperty: (k: string) => store[k] ?? null,
      setProperty: (k: string, v: string) => {
        store[k] = v;
      },
      setProperties: (values: Record<string, string>) => Object.assign(store, values),
      getKeys: () => Object.keys(store),
      deleteProperty: (k: string) => {
        delete store[k];
      },
    } as unknown as GoogleAppsScript.Properties.Properties,
  };
}

function clock(start = 0) {
  let now = start;
  const advance = (ms: number) => {
    now += ms;
  };
  return { now: () => now, sleep: advance, advance };
}

type Job = SlicedJob & { items: string[]; extra: number };
const SLOT: JobSlot<'items'> = { key: 'k.job', listPrefix: 'k.items.', lease: 'k.lease', field: 'items' };

function job(items: string[]): Job {
  return {
    instance: 'i',
    startedAt: 0,
    done: 0,
    state: 'pending',
    nextAt: null,
    lastRunAt: 0,
    errorKind: null,
    errorDetail: '',
    failures: 0,
    items,
    extra: 3,
  };
}

describe('the stored job', () => {
  it('round-trips, its list split in parts under 9 KB; a shorter list leaves no stale part; clear forgets it', () => {
    const { store, props } = properties();
    const items = Array.from({ length: 3000 }, (_, i) => `+7900${String(1000000 + i)}`);
    saveSlicedJob(props, SLOT, job(items));
    expect(Object.values(store).every((v) => v.length <= 8100)).toBe(true);
    expect(Object.keys(store).filter((k) => k.startsWith('k.items.')).length).toBeGreaterThan(4);
    expect(loadSlicedJob<'items', Job>(props, SLOT)).toEqual(job(items));
    saveSlicedJob(props, SLOT, job(['a', 'b']));
    expect(Object.keys(store).filter((k) => k.startsWith('k.items.'))).toEqual(['k.items.0']);
    expect(loadSlicedJob<'items', Job>(props, SLOT)?.items).toEqual(['a', 'b']);
    clearSlicedJob(props, SLOT);
    expect(store).toEqual({});
    expect(loadSlicedJob(props, SLOT)).toBeNull();
  });

  it('fills defaults an older version did not store, and reads a damaged job as none', () => {
    const { store, props } = properties();
    store['k.job'] = JSON.stringify({ instance: 'i', done: 0, state: 'pending', chunks: 1, count: 1 });
    store['k.items.0'] = 'x';
    expect(loadSlicedJob<'items', Job>(props, SLOT, { extra: 0 })).toMatchObject({
      failures: 0,
      extra: 0,
      items: ['x'],
    });
    store['k.items.0'] = 'x\ny';
    expect(loadSlicedJob(props, SLOT)).toBeNull();
    store['k.job'] = '{';
    expect(loadSlicedJob(props, SLOT)).toBeNull();
  });
});

describe('the walk', () => {
  it('steps while one more item fits in the budget, counts skipped and later items, stops at a stop', () => {
    const c = clock();
    const progress: number[] = [];
    const walk = walkItems(c, ['a', 'b', 'c', 'd', 'e'], 1, {
      startedAt: 0,
      perItemMs: 1000,
      progress: (done) => progress.push(done),
      step: (item) => {
        c.advance(20_000);
        if (item === 'c') return 'skipped';
        if (item === 'd') return 'later';
        if (item === 'e') return { stop: 'quota' };
        return 'next';
      },
    });
    expect(walk).toEqual({ done: 4, skipped: 1, later: ['d'], stop: 'quota' });
    expect(progress).toEqual([3]);
  });

  it('never starts an item that would not end before the budget', () => {
    const c = clock();
    const walk = walkItems(c, Array.from({ length: 1000 }, String), 0, {
      startedAt: 0,
      perItemMs: 5000,
      step: () => {
        c.advance(1000);
        return 'next';
      },
    });
    expect(walk.done).toBe((SLICE_BUDGET_MS - 5000) / 1000 + 1);
    expect(c.now()).toBeLessThanOrEqual(SLICE_BUDGET_MS);
  });
});

describe('after a slice', () => {
  const TRANSIENT = new Set(['unavailable'] as const);
  it('is done at the end, stopped by an error that is not transient, else due again a minute out (or later)', () => {
    const c = clock(1_000_000);
    const j = job(['a', 'b', 'c']);
    settleSlice(j, c, 3, 3, null, TRANSIENT);
    expect(j).toMatchObject({ state: 'done', nextAt: null, failures: 0 });
    settleSlice(j, c, 1, 3, { kind: 'quota', detail: 'q' }, TRANSIENT);
    expect(j).toMatchObject({ state: 'stopped', nextAt: null, errorKind: 'quota', errorDetail: 'q' });
    settleSlice(j, c, 1, 3, null, TRANSIENT);
    expect(j).toMatchObject({ state: 'pending', nextAt: 1_060_000 });
    settleSlice(j, c, 1, 3, { kind: 'unavailable', detail: '' }, TRANSIENT, 120_000);
    expect(j).toMatchObject({ state: 'pending', failures: 1, nextAt: 1_120_000 });
  });

  it('a slice that could not run pushes a waiting job out, doubling, and stops it after five in a row', () => {
    const c = clock(0);
    const j = job(['a']);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      expect(postponeJob(j, c, 'busy')).toBe(true);
      waits.push(j.nextAt ?? 0);
    }
    expect(waits).toEqual([120_000, 240_000, 480_000, 960_000]);
    postponeJob(j, c, 'busy');
    expect(j).toMatchObject({ state: 'stopped', errorKind: 'busy', nextAt: null });
    expect(postponeJob({ ...j, state: 'running' }, c, 'busy')).toBe(false);
    expect(postponeJob(null, c, 'busy')).toBe(false);
  });
});
