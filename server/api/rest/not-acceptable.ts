import { ErrorCodes } from '../../../lib/contracts/errors';
import { KappaError } from '../../errors/kappa-error';

export function notAcceptable(accept: string | undefined): KappaError {
  return new KappaError(
    ErrorCodes.NOT_ACCEPTABLE,
    `Unsupported Accept header: ${accept ?? ''}. This endpoint produces the media types it documents.`,
  );
}
