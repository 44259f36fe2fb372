// A self-signed certificate for 127.0.0.1 / localhost (valid until 2126), for TLS tests on loopback:
// an https:// server nobody trusts, or a TLS port reached with http://. Test-only; not a secret.
//   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500 \
//     -subj "/CN=openwork-test" -addext "subjectAltName=IP:127.0.0.1,DNS:localhost"
export const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBozCCAUmgAwIBAgIUIYPXcEoMGZHFGDCsQGuwJ06Ks8AwCgYIKoZIzj0EAwIw
GDEWMBQGA1UEAwwNb3BlbndvcmstdGVzdDAgFw0yNjExMjcwNTQyMzdaGA8yMTI2
MTEwMzA1NDIzN1owGDEWMBQGA1UEAwwNb3BlbndvcmstdGVzdDBZMBMGByqGSM49
AgEGCCqGSM49AwEHA0IABIRr8KFmqTdjhuuZskTWolaG4dqUTHKeIoSeyHirKyn2
dGFSET2AV3XF0O7BtjyrWPsP+XN2Maf5PwY3oZiMbD2jbzBtMB0GA1UdDgQWBBSu
ImEs8ZeR3aWPNhSt9tr/iDP63zAfBgNVHSMEGDAWgBSuImEs8ZeR3aWPNhSt9tr/
iDP63zAPBgNVHRMBAf8EBTADAQH/MBoGA1UdEQQTMBGHBH8AAAGCCWxvY2FsaG9z
dDAKBggqhkjOPQQDAgNIADBFAiEA3Sop4Nl+29YW7aFDZomX2XeQfZWWQmmLNwpv
uqGH+I0CIF1tZaxGlsClPtblQb6ICXx5yAFwOWexpLif007hT5ru
-----END CERTIFICATE-----
`;

export const TEST_CERT_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQguLBsbi3pObmIQa1O
mE+CUahSWiH4SlouO2LPYrXXAcChRANCAASEa/ChZqk3Y4brmbJE1qJWhuHalExy
niKEnsh4qysp9nRhUhE9gFd1xdDuwbY8q1j7D/lzdjGn+T8GN6GYjGw9
-----END PRIVATE KEY-----
`;
