// Delivery settings come from the environment: the file sink when nothing is configured, SMTP and
// webhooks when their URLs are set, and errors that name the variable to fix.
import { describe, expect, it } from 'vitest';
import { describeDeliveryConfig, loadDeliveryConfig } from './delivery-config.ts';

describe('loadDeliveryConfig', () => {
  it('writes every channel to the outbox files when nothing is configured', () => {
    const config = loadDeliveryConfig({}, { dataDir: '/var/lib/ca' });
    expect(config).toEqual({
      channels: { email: { kind: 'file' }, sms: { kind: 'file' }, push: { kind: 'file' }, wecom: { kind: 'file' } },
      outboxDir: '/var/lib/ca/outbox',
      ratePerSecond: { sms: 5, email: 20, push: 50, wecom: 10 },
      retries: { limit: 5, delaySeconds: 30, delayMaxSeconds: 3600 },
      jobTimeoutSeconds: 300,
      dispatch: { intervalSeconds: 5, horizonSeconds: 60, requeueAfterSeconds: 3600 },
      triggerOverlapMinutes: 60,
      bandit: { enabled: false, minCustomersPerVariant: 50 },
      links: { unsubscribeUrl: 'http://localhost:3000/unsubscribe', unsubscribeSecret: null, couponSecret: null },
    });
  });

  it('uses SMTP and webhooks when their settings are present', () => {
    const config = loadDeliveryConfig({
      SMTP_URL: 'smtp://mailer:s3cret@mail.example.com:587',
      CAMPAIGN_AGENT_EMAIL_FROM: 'Lumen <news@lumen.example>',
      CAMPAIGN_AGENT_SMS_WEBHOOK_URL: 'https://sms.example.com/send',
      CAMPAIGN_AGENT_WEBHOOK_SECRET: 'shared-secret-1234567890',
      CAMPAIGN_AGENT_WECOM_WEBHOOK_URL: 'https://wecom.example.com/hook',
      CAMPAIGN_AGENT_WECOM_WEBHOOK_SECRET: 'wecom-only-secret-123456',
      CAMPAIGN_AGENT_SMS_RATE: '2.5',
    });
    expect(config.channels).toEqual({
      email: { kind: 'smtp', url: 'smtp://mailer:s3cret@mail.example.com:587', from: 'Lumen <news@lumen.example>' },
      sms: { kind: 'webhook', url: 'https://sms.example.com/send', secret: 'shared-secret-1234567890', timeoutMs: 5000, attempts: 3 },
      push: { kind: 'file' },
      wecom: { kind: 'webhook', url: 'https://wecom.example.com/hook', secret: 'wecom-only-secret-123456', timeoutMs: 5000, attempts: 3 },
    });
    expect(config.ratePerSecond.sms).toBe(2.5);
    expect(describeDeliveryConfig(config).join('\n')).not.toMatch(/s3cret|mailer|shared-secret/);
    expect(describeDeliveryConfig(config)[1]).toBe('email: SMTP smtp://***:***@mail.example.com:587 from Lumen <news@lumen.example> (20/s)');
  });

  it.each([
    [{ CAMPAIGN_AGENT_EMAIL: 'smtp' }, /SMTP_URL: .*; CAMPAIGN_AGENT_EMAIL_FROM:/],
    [{ CAMPAIGN_AGENT_PUSH_WEBHOOK_URL: 'https://push.example.com' }, /CAMPAIGN_AGENT_PUSH_WEBHOOK_SECRET or CAMPAIGN_AGENT_WEBHOOK_SECRET: expected a signing secret/],
    [{ CAMPAIGN_AGENT_EMAIL_RATE: 'fast' }, /CAMPAIGN_AGENT_EMAIL_RATE: /],
    [{ CAMPAIGN_AGENT_SMS: 'carrier-pigeon' }, /CAMPAIGN_AGENT_SMS: /],
    [{ CAMPAIGN_AGENT_SEND_RETRIES: '-1' }, /CAMPAIGN_AGENT_SEND_RETRIES: /],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadDeliveryConfig(env)).toThrow(message);
  });
});
