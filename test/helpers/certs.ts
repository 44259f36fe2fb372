// A private certificate authority and a server certificate for 127.0.0.1, made with openssl in a
// temp dir (as a company's proxy would have): ca.pem to trust, key.pem + cert.pem to serve.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCerts {
  dir: string;
  caFile: string;
  key: string;
  cert: string;
  cleanup(): void;
}

export function makeCerts(): TestCerts {
  const dir = mkdtempSync(join(tmpdir(), 'openwork-certs-'));
  const f = (n: string) => join(dir, n);
  const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  // P-256 keys: generated at once, where RSA's prime search took over 20 s on a loaded 2-core machine.
  const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];
  ssl('req', '-x509', ...EC, '-nodes', '-keyout', f('ca.key'), '-out', f('ca.pem'), '-days', '2', '-subj', '/CN=Openwork Test CA');
  ssl('req', ...EC, '-nodes', '-keyout', f('key.pem'), '-out', f('server.csr'), '-subj', '/CN=127.0.0.1');
  writeFileSync(f('ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  ssl('x509', '-req', '-in', f('server.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-CAcreateserial', '-out', f('cert.pem'), '-days', '2', '-extfile', f('ext.cnf'));
  return {
    dir,
    caFile: f('ca.pem'),
    key: readFileSync(f('key.pem'), 'utf8'),
    cert: readFileSync(f('cert.pem'), 'utf8'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
