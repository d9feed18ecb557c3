/**
 * Placeholder PEM values for `berth preview`. A certificate or public key is generated at deploy time, but programs
 * parse them (e.g. the Kubernetes CA's public-key hash), so a preview needs ones that are well-formed. These were
 * made once for Berth with openssl (the private key was discarded); their subject says what they are, so they are
 * never mistaken for a deployment's own.
 */

/** A well-formed self-signed X.509 certificate, subject "O=Berth, CN=berth preview placeholder - not a real certificate". */
export const PLACEHOLDER_CERTIFICATE_PEM = `-----BEGIN CERTIFICATE-----
MIIDfTCCAmWgAwIBAgIUObx9EZ9b0oJJLk4cqCOHpetR1bIwDQYJKoZIhvcNAQEL
BQAwTTEOMAwGA1UECgwFQmVydGgxOzA5BgNVBAMMMmJlcnRoIHByZXZpZXcgcGxh
Y2Vob2xkZXIgLSBub3QgYSByZWFsIGNlcnRpZmljYXRlMCAXDTI2MTEyODE5MjAy
OVoYDzIxMjYxMTA0MTkyMDI5WjBNMQ4wDAYDVQQKDAVCZXJ0aDE7MDkGA1UEAwwy
YmVydGggcHJldmlldyBwbGFjZWhvbGRlciAtIG5vdCBhIHJlYWwgY2VydGlmaWNh
dGUwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQDGOT2hX444xGWEJWiM
zP2GX3zD1PqWE8XPkrRnzQJENOLUfi3psAhUUNVECchaTTc8MWdGaKR4nCNoCb1X
U0BcGxJrQ8tADwr/lwphx5KK0VzlXYjDaUd1JjI0/L/YwowlfQhssOzDxTS+syUA
S1fraQGaQyCXMzkwA8W4u4kgNetgebW/PbViKl5CO1IF06CxaCr0iOtGysFvQ44P
ZoMgco34x0xFoyKvNEoUd0q7WYDVm9M+G20mUKIvoF6rr6wjWsgZlz2PaYv32m9R
B+y900JT2e0Czd8xFgBquO/gHuZziCpbaJz9HzjSEPJxA+5I/2B/RYfvUCiTSZ/H
iKQ9AgMBAAGjUzBRMB0GA1UdDgQWBBRl4oekZOEM+snlQJaUDU9kIwf4RzAfBgNV
HSMEGDAWgBRl4oekZOEM+snlQJaUDU9kIwf4RzAPBgNVHRMBAf8EBTADAQH/MA0G
CSqGSIb3DQEBCwUAA4IBAQDBq7PlSyQdlyKiJFkgdN11G4hfppwn3ni9priXiIpr
pEGot6zVaZNOjBB7RK4g350rqJ6ycwKxPMq7npw8fUEsJKsqCs+HLCeF9V6XxiV7
9LBKJUOBMrp4RiHkxM9OVQH90TpG+lL8T3UpyCOLx6nESuQV25+udQfpNNqBpWEE
GuY4WGj/nxluh8hppkl44SHbviLCbND/8CYSm8yCi1Li302iw45lAs6tifV5Ig37
piv1y4HoBh7XtyTrgs8Bw7L0PNm4dBIp3UQZcUK2EcnqxByZUpXX9M6+rcdLR2GD
Z44poPpfMmBlBmIfcGWvvamhI0pJf4mPLSj8yN8YyHo6
-----END CERTIFICATE-----
`;

/** The certificate's RSA public key, as SubjectPublicKeyInfo PEM (the placeholder for RSA and ECDSA keys). */
export const PLACEHOLDER_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxjk9oV+OOMRlhCVojMz9
hl98w9T6lhPFz5K0Z80CRDTi1H4t6bAIVFDVRAnIWk03PDFnRmikeJwjaAm9V1NA
XBsSa0PLQA8K/5cKYceSitFc5V2Iw2lHdSYyNPy/2MKMJX0IbLDsw8U0vrMlAEtX
62kBmkMglzM5MAPFuLuJIDXrYHm1vz21YipeQjtSBdOgsWgq9IjrRsrBb0OOD2aD
IHKN+MdMRaMirzRKFHdKu1mA1ZvTPhttJlCiL6Beq6+sI1rIGZc9j2mL99pvUQfs
vdNCU9ntAs3fMRYAarjv4B7mc4gqW2ic/R840hDycQPuSP9gf0WH71Aok0mfx4ik
PQIDAQAB
-----END PUBLIC KEY-----
`;

/** A well-formed Ed25519 public key, as SubjectPublicKeyInfo PEM (the placeholder for ED25519 keys). */
export const PLACEHOLDER_ED25519_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAMed85z40wWN8z3ggNKJVN6Np2C9Md9Jll2kiAKgEWQQ=
-----END PUBLIC KEY-----
`;
