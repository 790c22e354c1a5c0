import { z } from '@hono/zod-openapi';

/** An address people reach Wheelhouse at: an http(s) URL; the server keeps its origin (no path). */
export const PublicAddressValue = z
  .string()
  .trim()
  .max(200, 'is too long')
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' }));

/** https://Wheel.Example.com:443/x/ → https://wheel.example.com */
export const originOf = (address: string) => new URL(address).origin;

export const PublicAddressInput = z.object({ address: PublicAddressValue }).openapi('PublicAddressInput');
export type PublicAddressInput = z.input<typeof PublicAddressInput>;

export const PublicAddress = z
  .object({
    address: z.string().describe('The address invitation links start with'),
    source: z
      .enum(['PUBLIC_URL', 'setup', 'default'])
      .describe(
        'PUBLIC_URL: set on the server, overrides the rest; setup: recorded from the admin’s browser and confirmed; default: nothing recorded yet',
      ),
    recorded: z
      .string()
      .nullable()
      .describe('The address recorded for the workspace (at setup, or by an admin since); null: none'),
    mailConfigured: z.boolean().describe('SMTP is set up: invitation links go by mail'),
  })
  .openapi('PublicAddress');
export type PublicAddress = z.infer<typeof PublicAddress>;
