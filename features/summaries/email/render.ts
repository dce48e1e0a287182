/**
 * The summary email: a subject that says what is inside, a plain-text part, and an accessible
 * HTML part (semantic headings and lists, inline styles, no images, readable in dark mode: the
 * colours are declared for both schemes and nothing depends on an image or a background).
 * Rendered only from the stored items, so the email says exactly what the summary says.
 */
import type { SummaryLevel } from '../tables.ts';
import type { ItemSection, SummaryItem } from '../rules.ts';

export interface RenderInput {
  level: SummaryLevel;
  periodKey: string;
  recipientName: string;
  /** The team's name for team summaries. */
  subjectName: string | null;
  tenantName: string;
  items: SummaryItem[];
  unsubscribeUrl: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const SECTIONS: { section: ItemSection; title: string }[] = [
  { section: 'note', title: '' },
  { section: 'praise', title: 'What customers praised' },
  { section: 'figures', title: 'The numbers' },
  { section: 'focus', title: 'Next steps' },
  { section: 'progress', title: 'Progress' },
];

const firstName = (name: string) => name.split(/\s+/)[0] ?? name;

/** "Ana, 3 customers praised you (week 2026-W47)": what is inside, in the subject line. */
export function subjectOf(input: Pick<RenderInput, 'level' | 'periodKey' | 'recipientName' | 'subjectName' | 'tenantName' | 'items'>): string {
  const praise = input.items.filter((item) => item.section === 'praise' && item.quote).length;
  const focus = input.items.filter((item) => item.section === 'focus').length;
  const week = `week ${input.periodKey}`;
  if (input.level === 'employee') {
    if (praise === 0) return `${firstName(input.recipientName)}, your ${week} summary: ${focus > 0 ? `${focus} next step${focus === 1 ? '' : 's'}` : 'a quiet week'}`;
    return `${firstName(input.recipientName)}, customers praised you: ${praise} quote${praise === 1 ? '' : 's'} from ${week}`;
  }
  if (input.level === 'team') return `${input.subjectName ?? 'Your team'}, ${week}: what customers said, who was praised, what is rising`;
  return `${input.tenantName}, ${week}: the customer voice across your teams`;
}

function greeting(input: RenderInput): string {
  if (input.level === 'employee') return `Hi ${firstName(input.recipientName)}, here is what customers said about you in ${input.periodKey}.`;
  if (input.level === 'team') return `Hi ${firstName(input.recipientName)}, here is ${input.subjectName ?? 'your team'}'s week (${input.periodKey}).`;
  return `Hi ${firstName(input.recipientName)}, here is ${input.tenantName}'s week (${input.periodKey}).`;
}

export function renderText(input: RenderInput): string {
  const lines = [greeting(input), ''];
  for (const { section, title } of SECTIONS) {
    const items = input.items.filter((item) => item.section === section);
    if (items.length === 0) continue;
    if (title) lines.push(title.toUpperCase());
    for (const item of items) lines.push(`- ${item.text}`);
    lines.push('');
  }
  lines.push('Every line above comes from your records in Frontline: nothing is invented.');
  lines.push(`Stop these emails: ${input.unsubscribeUrl}`);
  return lines.join('\n');
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function renderHtml(input: RenderInput): string {
  const subject = escapeHtml(subjectOf(input));
  const sections = SECTIONS.map(({ section, title }) => {
    const items = input.items.filter((item) => item.section === section);
    if (items.length === 0) return '';
    const heading = title ? `<h2 style="font-size:18px;margin:24px 0 8px;">${escapeHtml(title)}</h2>` : '';
    const list = items
      .map((item) =>
        item.quote
          ? `<li style="margin:0 0 12px;"><blockquote style="margin:0;padding:0 0 0 12px;border-left:4px solid #2f7d5b;font-style:italic;">${escapeHtml(item.text)}</blockquote></li>`
          : `<li style="margin:0 0 12px;">${escapeHtml(item.text)}</li>`,
      )
      .join('');
    return `${heading}<ul style="margin:0;padding:0 0 0 20px;">${list}</ul>`;
  }).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${subject}</title>
</head>
<body style="margin:0;padding:0;">
<main style="max-width:600px;margin:0 auto;padding:24px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;">
<h1 style="font-size:22px;margin:0 0 16px;">${escapeHtml(greeting(input))}</h1>
${sections}
<hr style="border:none;border-top:1px solid #8888;margin:24px 0;">
<p style="font-size:14px;margin:0 0 8px;">Every line above comes from your records in Frontline: nothing is invented.</p>
<p style="font-size:14px;margin:0;"><a href="${escapeHtml(input.unsubscribeUrl)}" style="color:inherit;text-decoration:underline;">Stop these emails</a></p>
</main>
</body>
</html>`;
}

export function renderEmail(input: RenderInput): RenderedEmail {
  return { subject: subjectOf(input), text: renderText(input), html: renderHtml(input) };
}
