// Secrets are never rendered in full, logged, or put into errors.

/** `sk-test-master` → `sk-…ster`; short values are fully hidden. */
export function maskSecret(value: string | undefined): string {
  if (!value) return '(none)';
  const v = value.trim();
  if (v.length <= 8) return '…' + '•'.repeat(3);
  const dash = v.indexOf('-');
  const prefix = dash > 0 && dash <= 6 ? v.slice(0, dash + 1) : v.slice(0, 2);
  return `${prefix}…${v.slice(-4)}`;
}

/**
 * Replace every occurrence of any secret (and of Bearer/x-api-key header values) in text.
 * Servers echo keys back in error text (LiteLLM's "Malformed API Key ... Passed in: sk-...").
 */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    const v = s?.trim();
    if (v && v.length >= 4) out = out.split(v).join(maskSecret(v));
  }
  // Anything that still looks like a credential after a "Passed in:" / Bearer / key= marker.
  out = out.replace(
    /(Passed in:\s*(?:bearer\s+|Bearer\s+)?|Bearer\s+|x-api-key:\s*|api[_-]?key["'=:\s]+)([A-Za-z0-9_\-.]{8,})/g,
    (_m, lead: string, key: string) => (key.includes('…') ? lead + key : lead + maskSecret(key)),
  );
  return out;
}
