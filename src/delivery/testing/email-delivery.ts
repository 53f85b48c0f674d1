// For end-to-end delivery tests: a real SMTP server capturing mail, an outbox directory, and the
// delivery configuration that sends e-mail through them; `close` removes both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDeliveryConfig, type DeliveryConfig } from '../delivery-config.ts';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture.ts';

export interface EmailDelivery {
  smtp: SmtpCapture;
  config: DeliveryConfig;
  close(): Promise<void>;
}

export async function startEmailDelivery(): Promise<EmailDelivery> {
  const smtp = await startSmtpCapture();
  const outbox = mkdtempSync(join(tmpdir(), 'campaign-agent-outbox-'));
  const config = loadDeliveryConfig(
    { SMTP_URL: smtp.url, CAMPAIGN_AGENT_EMAIL_FROM: 'Lumen <news@lumen.test>', CAMPAIGN_AGENT_EMAIL_RATE: '1000', CAMPAIGN_AGENT_OUTBOX_DIR: outbox },
    {},
  );
  return {
    smtp,
    config,
    async close() {
      await smtp.close();
      rmSync(outbox, { recursive: true, force: true });
    },
  };
}
