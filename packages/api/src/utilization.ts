import { z } from 'zod';

/** `GET /actors/utilization`: the same four keys in either key case. */
export const UtilizationSchema = z.strictObject({
  currentActors: z.number().int(),
  totalActors: z.number().int(),
  workers: z.number().int(),
  commandQueue: z.number().int(),
});
export type Utilization = z.output<typeof UtilizationSchema>;
