package org.jvswitch.ovsdb.server;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PKI files of {@code pssl:} and {@code ssl:} remotes, as OVS takes them
 * ({@code --private-key}, {@code --certificate}, {@code --ca-cert}, or the {@code SSL} table):
 * PEM files, the key in PKCS#8 or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) form. As in OVS, both
 * sides authenticate: a peer's certificate must be signed by the CA.
 */
public record SslConfig(Path privateKey, Path certificate, Path caCert) {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    /** A server-side context (for {@code pssl:}). */
    public SslContext serverContext() throws IOException {
        try {
            return SslContextBuilder.forServer(readKey(privateKey), readCerts(certificate).toArray(X509Certificate[]::new))
                    .trustManager(readCerts(caCert).toArray(X509Certificate[]::new))
                    .clientAuth(ClientAuth.REQUIRE)
                    .build();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("SSL configuration: " + e.getMessage(), e);
        }
    }

    /** A client-side context (for {@code ssl:}). */
    public SslContext clientContext() throws IOException {
        try {
            // OVS checks the peer's certificate against the CA, not its name (managers are
            // addressed by IP), so no host name verification (Netty 4.2 turns it on by default).
            return SslContextBuilder.forClient()
                    .keyManager(readKey(privateKey), readCerts(certificate).toArray(X509Certificate[]::new))
                    .trustManager(readCerts(caCert).toArray(X509Certificate[]::new))
                    .endpointIdentificationAlgorithm(null)
                    .build();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("SSL configuration: " + e.getMessage(), e);
        }
    }

    static List<X509Certificate> readCerts(Path p) throws IOException, GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        byte[] data = Files.readAllBytes(p);
        List<X509Certificate> out = cf.generateCertificates(new ByteArrayInputStream(data)).stream()
                .map(c -> (X509Certificate) c).toList();
        if (out.isEmpty()) {
            throw new IOException(p + ": no certificate found");
        }
        return out;
    }

    static PrivateKey readKey(Path p) throws IOException, GeneralSecurityException {
        String text = Files.readString(p, StandardCharsets.US_ASCII);
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            if (type.equals("PRIVATE KEY")) {
                return pkcs8(der);
            }
            if (type.equals("RSA PRIVATE KEY")) {
                return pkcs8(wrapRsa(der));
            }
        }
        throw new IOException(p + ": no PKCS#8 or RSA private key found");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (GeneralSecurityException e) {
            return KeyFactory.getInstance("EC").generatePrivate(spec);
        }
    }

    /** PKCS#1 RSAPrivateKey wrapped into a PKCS#8 PrivateKeyInfo. */
    private static byte[] wrapRsa(byte[] pkcs1) {
        byte[] algId = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
                0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = tlv(0x04, pkcs1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(version);
        body.writeBytes(algId);
        body.writeBytes(octets);
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 128) {
            out.write(n);
        } else if (n < 256) {
            out.write(0x81);
            out.write(n);
        } else if (n < 65536) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write((n >> 8) & 0xff);
            out.write(n & 0xff);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
