import { Session } from 'node:inspector/promises';

import type { CpuProfile } from './cpu-profile.js';

/** Microseconds between samples: finer than the default, for short hot loops. */
const SAMPLING_INTERVAL = 100;

/** Records a CPU profile of this process while `task` runs, through the inspector. */
export async function profileWhile(task: () => Promise<void>): Promise<CpuProfile> {
  const session = new Session();

  session.connect();

  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL });
    await session.post('Profiler.start');
    await task();

    const { profile } = await session.post('Profiler.stop');

    return profile as CpuProfile;
  } finally {
    session.disconnect();
  }
}
