import { availableParallelism, loadavg } from 'node:os';

/**
 * Frames per second over 3 s of requestAnimationFrame, as a string to evaluate in a page:
 * tsx's transform would add helpers to a function that the page does not have.
 */
export const MEASURE_FPS = `new Promise((resolve) => {
  let frames = 0;
  const t0 = performance.now();
  const tick = (now) => {
    frames++;
    if (now - t0 < 3000) requestAnimationFrame(tick);
    else resolve((frames * 1000) / (now - t0));
  };
  requestAnimationFrame(tick);
})`;

/**
 * A floor for a speed measured in the browser, honest about the machine: `goal` is what an
 * unloaded machine shows and what the test demands there. When other programs keep more
 * runnable threads than there are cores (load average > cores; the training Worker alone
 * takes a whole core here), the page gets whatever slices the scheduler leaves and the
 * measurement says more about the neighbours than about the Lab: then only `overloaded` is
 * demanded, and the returned note says so (print it).
 */
export function loadAwareFloor(goal: number, overloaded: number, what: string): { floor: number; note: string | null } {
  const load = loadavg()[0];
  const cores = availableParallelism();
  if (load <= cores) return { floor: goal, note: null };
  return { floor: overloaded, note: `# load average ${load.toFixed(1)} on ${cores} cores: ${what} floor lowered from ${goal} to ${overloaded}` };
}
