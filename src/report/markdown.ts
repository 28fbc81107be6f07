/** A Markdown table from a header row and body rows (`|` in cells escaped, newlines flattened). */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map(c => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Fixed-point number text. */
export function fixed(x: number, digits = 1): string {
  return x.toFixed(digits);
}

/** Dollar amount text: `$1,234.56`. */
export function usd(x: number): string {
  return `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A signed dollar amount: `+$12.00`, `-$3.50`, `$0.00`. */
export function usdDelta(x: number): string {
  const rounded = Math.round(x * 100) / 100;
  if (rounded === 0) return '$0.00';
  return `${rounded > 0 ? '+' : '-'}${usd(Math.abs(rounded))}`;
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** A bulleted list, or `_none_`. */
export function bullets(items: readonly string[], none = '_none_'): string {
  return items.length ? items.map(i => `- ${i}`).join('\n') : none;
}
