import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../lib/contracts/errors';
import { KappaError, toKappaError } from './kappa-error';

describe('KappaError', () => {
  it('derives the HTTP status from the code', () => {
    expect(new KappaError(ErrorCodes.BAD_STATEMENT, 'x').httpStatus).toBe(400);
    expect(new KappaError(ErrorCodes.SERVER_NOT_READY, 'x').httpStatus).toBe(503);
  });

  it('hides unknown errors behind a neutral 50000', () => {
    const e = toKappaError(new Error('/secret/path exploded'));
    expect(e.code).toBe(50000);
    expect(e.message).not.toContain('/secret/path');
    expect(e.cause).toBeInstanceOf(Error);
  });
});
