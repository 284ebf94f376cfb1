import { z } from 'zod';

/** Every JSON response of the service: `{result, status, message, version}`. */
export const EnvelopeSchema = z.object({
  result: z.unknown(),
  status: z.enum(['success', 'error']),
  message: z.string().default(''),
  version: z.string().default(''),
});
export type Envelope<T = unknown> = Omit<z.infer<typeof EnvelopeSchema>, 'result'> & { result: T };

export function envelopeOf<T extends z.ZodType>(result: T) {
  return EnvelopeSchema.extend({ result });
}
