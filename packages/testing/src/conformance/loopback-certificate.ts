import { generate } from 'selfsigned';

/** A key and a self-signed certificate (PEM) for `127.0.0.1` and `localhost`, valid for a day. */
export interface LoopbackCertificate {
  readonly key: string;
  /** The certificate, which is also what a client trusts (`ca`). */
  readonly cert: string;
}

let made: Promise<LoopbackCertificate> | undefined;

/**
 * Makes (once per process) the certificate the HTTP/2 conformance servers use: EC P-256 keys sign in
 * milliseconds, so no certificate is kept in the repository.
 */
export function loopbackCertificate(): Promise<LoopbackCertificate> {
  made ??= (async () => {
    const notBeforeDate = new Date(Date.now() - 60_000);
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate: new Date(notBeforeDate.getTime() + 24 * 60 * 60 * 1000),
      extensions: [
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    });
    return { key: pems.private, cert: pems.cert };
  })();
  return made;
}
