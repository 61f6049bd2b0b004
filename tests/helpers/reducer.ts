// Driving the app's reducer in tests: actions as the App would send them.
import { reduce, type Action, type AppState } from '../../src/ui/state.js';

/** A key pressed, by its name. */
export const key = (name: string): Action => ({ type: 'key', name });

/** The state after these actions, one after another. */
export function after(state: AppState, ...actions: Action[]): AppState {
  return actions.reduce(reduce, state);
}
