import { expect } from 'vitest';
import { InputError } from '../src/index.ts';

/** Runs `f`, expects it to throw an `InputError`, and returns that error for further checks. */
export function thrownInputError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}
