import type { Alert } from './alert.js';

const ICON = { info: ':information_source:', warning: ':warning:', critical: ':rotating_light:' } as const;

/**
 * A Slack-compatible webhook body (`{ text, blocks }`, Block Kit): `text` is the plain fallback shown in
 * notifications, `blocks` a header, the findings as a section, and a context line with severity and report.
 */
export function buildSlackPayload(alert: Alert): { text: string; blocks: Record<string, unknown>[] } {
  const text = `${ICON[alert.severity]} [${alert.severity.toUpperCase()}] ${alert.title}`;
  const findings = alert.findings.slice(0, 20).map((f) => `• ${f}`);
  if (alert.findings.length > 20) findings.push(`• … and ${alert.findings.length - 20} more`);
  const context = [`severity: *${alert.severity}*`, `incident: \`${alert.incident}\``];
  if (alert.reportUrl) context.push(`report: ${alert.reportUrl}`);
  return {
    text,
    blocks: [
      {
        type: 'header',
        text: { type: 'plain_text', text: `[${alert.severity.toUpperCase()}] ${alert.title}`.slice(0, 150) },
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: (findings.join('\n') || 'no details').slice(0, 3000) },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: context.join(' · ') }] },
    ],
  };
}
