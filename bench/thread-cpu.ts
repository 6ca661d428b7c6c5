import { readdirSync, readFileSync } from 'node:fs';

// Clock ticks per second of /proc's times: 100 on every Linux we run on (USER_HZ).
const TICKS_PER_SECOND = 100;

/**
 * CPU time (ms) of each of this process's threads, by thread id, from /proc/self/task; null where
 * there is no /proc (not Linux). process.cpuUsage() counts the whole process, and Node 20 has no
 * per-thread figure of its own.
 */
export function threadCpuMs(): Map<number, number> | null {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return null;
  }
  const out = new Map<number, number>();
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name, which may hold spaces and is closed by the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime: the 14th and 15th fields of the whole line.
      out.set(Number(tid), ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
    } catch {
      // A thread that ended between the listing and the read used no more CPU worth counting.
    }
  }
  return out;
}

/** Where a run's CPU went: this (main) thread, its busiest other thread, and all the rest. */
export interface ThreadSplit {
  main: number;
  busiest: number;
  rest: number;
}

/** The CPU each thread used between two readings, as main thread, busiest other thread and the rest. */
export function splitThreadCpu(before: Map<number, number>, after: Map<number, number>): ThreadSplit {
  const used = [...after].map(([tid, ms]) => [tid, ms - (before.get(tid) ?? 0)] as const);
  const main = used.find(([tid]) => tid === process.pid)?.[1] ?? 0;
  const others = used.filter(([tid]) => tid !== process.pid).map(([, ms]) => ms);
  const busiest = Math.max(0, ...others);
  return { main, busiest, rest: others.reduce((a, b) => a + b, 0) - busiest };
}
