import { afterEach, describe, expect, jest, test } from '@jest/globals';

import { createTidClock, nextTid } from '../../../runtime/src/syntax/tid-clock.js';
import { TID_MAX_CLOCK_ID, isTid, parseTid } from '../../../runtime/src/syntax/tid.js';
import { thrown } from '../../_util/thrown.js';

function expectStrictlyIncreasing(tids: string[]): void {
  const outOfOrder = tids.filter((tid, index) => index > 0 && tid <= (tids[index - 1] ?? ''));

  expect(outOfOrder).toEqual([]);
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('createTidClock', () => {
  test('gives 10 000 valid, strictly increasing TIDs in a tight loop', () => {
    const clock = createTidClock();
    const tids = Array.from({ length: 10_000 }, () => clock.next());

    expect(tids.filter((tid) => !isTid(tid))).toEqual([]);
    expectStrictlyIncreasing(tids);
  });

  test('writes its clock identifier into every TID', () => {
    const clock = createTidClock(517);
    const clockIds = new Set(Array.from({ length: 100 }, () => parseTid(clock.next()).clockId));

    expect(clock.clockId).toBe(517);
    expect([...clockIds]).toEqual([517]);
  });

  test('picks a clock identifier from 0 to 1023 when none is given', () => {
    const { clockId } = createTidClock();

    expect(Number.isInteger(clockId)).toBe(true);
    expect(clockId).toBeGreaterThanOrEqual(0);
    expect(clockId).toBeLessThanOrEqual(TID_MAX_CLOCK_ID);
  });

  test('stamps TIDs with the wall clock in microseconds', () => {
    jest.spyOn(Date, 'now').mockReturnValue(1_700_000_000_123);

    expect(parseTid(createTidClock(0).next()).timestampUs).toBe(1_700_000_000_123_000);
  });

  test('keeps increasing when the wall clock goes backwards or stands still', () => {
    const now = jest.spyOn(Date, 'now');
    const clock = createTidClock(3);
    const times = [1_700_000_005_000, 1_700_000_005_000, 1_700_000_001_000, 1_699_000_000_000];
    const tids = times.map((time) => {
      now.mockReturnValue(time);

      return clock.next();
    });

    expectStrictlyIncreasing(tids);
    expect(tids.map((tid) => parseTid(tid).timestampUs)).toEqual([
      1_700_000_005_000_000, 1_700_000_005_000_001, 1_700_000_005_000_002, 1_700_000_005_000_003,
    ]);
  });

  test('rejoins the wall clock once it passes the last TID', () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_700_000_005_000);
    const clock = createTidClock(3);

    clock.next();
    now.mockReturnValue(1_700_000_004_000);
    clock.next();
    now.mockReturnValue(1_700_000_006_000);

    expect(parseTid(clock.next()).timestampUs).toBe(1_700_000_006_000_000);
  });

  test.each([
    { name: '1024', clockId: 1024 },
    { name: '-1', clockId: -1 },
    { name: '1.5', clockId: 1.5 },
    { name: 'NaN', clockId: Number.NaN },
  ])('refuses the clock identifier $name', ({ name, clockId }) => {
    const error = thrown(() => createTidClock(clockId));

    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ message: `TID clock ID out of range: ${name}` });
  });
});

describe('nextTid', () => {
  test('gives valid, strictly increasing TIDs from one shared clock', () => {
    const tids = Array.from({ length: 1000 }, () => nextTid());
    const clockIds = new Set(tids.map((tid) => parseTid(tid).clockId));

    expect(tids.filter((tid) => !isTid(tid))).toEqual([]);
    expectStrictlyIncreasing(tids);
    expect(clockIds.size).toBe(1);
  });
});
