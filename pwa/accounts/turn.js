// @ts-check
/**
 * Whose turn it is to draw the page. Screens fetch before they draw; when someone moves on
 * to another screen meanwhile, the slower, older screen must not draw over the new one.
 */
let generation = 0;

/** Start a turn: answers a check that stays true until the next turn starts. */
export function newTurn() {
  const mine = ++generation;
  return () => mine === generation;
}
