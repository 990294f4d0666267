// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import io.zenmq.internal.auth.AddressRules;
import io.zenmq.internal.auth.CertificateDirectory;
import io.zenmq.internal.auth.CurveKeys;
import io.zenmq.internal.auth.PasswordFile;
import io.zenmq.internal.auth.PlainUsers;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A ready-made {@link ZapHandler} with the rules of CZMQ's {@code zauth} and JeroMQ's
 * {@code ZAuth}: IP address allow and deny lists, PLAIN users and passwords, CURVE client keys.
 *
 * <pre>{@code
 * Authenticator auth = new Authenticator()
 *         .allow("127.0.0.1", "10.0.0.7")                       // only these addresses
 *         .plainPasswords(Path.of("/etc/myapp/passwords"))      // name=password lines
 *         .curveCertificates(Path.of("/etc/myapp/clients"));    // CZMQ public certificates
 * try (Context ctx = Context.create(); ZapService zap = ctx.zapHandler(auth)) {
 *     // ...
 * }
 * }</pre>
 *
 * <p>Each request is decided in two steps:
 * <ol>
 *   <li><b>Address.</b> If any address was {@linkplain #allow allowed}, only allowed addresses
 *   pass and the deny list is ignored; otherwise every address passes except
 *   {@linkplain #deny denied} ones. A refused address is denied whatever the mechanism.</li>
 *   <li><b>Mechanism.</b> NULL passes (the address was all there was to check). PLAIN passes
 *   with a known user name and its password, and becomes {@code User-Id} = the user name. CURVE
 *   passes with a known client key (or any key after {@link #curveAllowAny()}), and becomes
 *   {@code User-Id} = the key in Z85. With no PLAIN users or no CURVE keys configured, every
 *   client of that mechanism is denied.</li>
 * </ol>
 * Refusals are status 400. The ZAP domain is not looked at; to keep separate rules per domain,
 * dispatch in a lambda: {@code ctx.zapHandler(r -> r.domain().equals("admin") ? admins.authenticate(r)
 * : users.authenticate(r))}.
 *
 * <p>Decisions are logged through {@link System.Logger} {@code io.zenmq.Authenticator}: admissions
 * at DEBUG, refusals at INFO (never a password).
 *
 * <p>Thread-safe: configuration may change while requests are served. Each request sees the
 * rules as they were when it arrived (copy-on-write). The password file and the certificate
 * directory are read when configured, and read again whenever they change on disk.
 */
public final class Authenticator implements ZapHandler {
    private static final System.Logger LOG = System.getLogger(Authenticator.class.getName());
    /** The property names a ZAP reply may carry (see {@link ZapDecision#allow(String, Map)}). */
    private static final Pattern ZAP_PROPERTY_NAME = Pattern.compile("[A-Za-z0-9._+-]{1,255}");

    /** Every rule at one moment; replaced whole on each change. */
    private record Rules(AddressRules addresses, PlainUsers plain, CurveKeys curve) {
    }

    private final AtomicReference<Rules> rules =
            new AtomicReference<>(new Rules(AddressRules.NONE, PlainUsers.NONE, CurveKeys.NONE));

    /** Creates an authenticator that accepts every address and NULL clients, and no PLAIN or CURVE client. */
    public Authenticator() {
    }

    /**
     * Allows connections from these addresses only (zauth's ALLOW, a whitelist). Calls add up.
     * Once any address is allowed, the deny list no longer applies.
     *
     * <pre>{@code auth.allow("127.0.0.1", "::1");}</pre>
     *
     * @param addresses IP addresses as text; IPv6 in any spelling ({@code ::1} equals
     *     {@code 0:0:0:0:0:0:0:1}), IPv4-mapped IPv6 equal to their IPv4 form. Or an ipc peer's
     *     {@code localhost:uid:gid:pid}, compared as text.
     * @return this authenticator
     * @throws IllegalArgumentException for an empty address
     */
    public Authenticator allow(String... addresses) {
        Rules changed = update(r -> new Rules(r.addresses().allow(addresses), r.plain(), r.curve()));
        warnIfDenyListIgnored(changed);
        return this;
    }

    /**
     * Refuses connections from these addresses, whatever their credentials (zauth's DENY, a
     * blacklist). Calls add up. Has no effect while any address is {@linkplain #allow allowed}.
     *
     * <pre>{@code auth.deny("192.0.2.66");}</pre>
     *
     * @param addresses IP addresses as text, compared as for {@link #allow}
     * @return this authenticator
     * @throws IllegalArgumentException for an empty address
     */
    public Authenticator deny(String... addresses) {
        Rules changed = update(r -> new Rules(r.addresses().deny(addresses), r.plain(), r.curve()));
        warnIfDenyListIgnored(changed);
        return this;
    }

    /**
     * Accepts a PLAIN user with this password; a second call for the same name replaces the
     * password. Takes precedence over the same name in the password file.
     *
     * <pre>{@code auth.plainUser("admin", "secret");}</pre>
     *
     * @param username the user name
     * @param password the password, compared as UTF-8 bytes
     * @return this authenticator
     */
    public Authenticator plainUser(String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        update(r -> new Rules(r.addresses(), r.plain().withUser(username, password), r.curve()));
        return this;
    }

    /**
     * Accepts the PLAIN users of a password file, as zauth reads it: one {@code name=password} per
     * line; lines starting with {@code #}, and lines without a name and {@code =}, are skipped. The
     * name ends at the first {@code =}; the password is the rest of the line, spaces included. The
     * file is read now and again whenever it changes; while it cannot be read, none of its users
     * get in. Replaces an earlier password file.
     *
     * <pre>{@code
     * # /etc/myapp/passwords
     * admin=secret
     * reader=p=ss word
     * }</pre>
     *
     * @param file the password file (UTF-8)
     * @return this authenticator
     * @throws java.io.UncheckedIOException if the file cannot be read now
     */
    public Authenticator plainPasswords(Path file) {
        PasswordFile passwords = new PasswordFile(Objects.requireNonNull(file, "file"));
        update(r -> new Rules(r.addresses(), r.plain().withFile(passwords), r.curve()));
        return this;
    }

    /**
     * Accepts a CURVE client with this long-term public key.
     *
     * <pre>{@code auth.curveKey(clientKeys.publicKey());}</pre>
     *
     * @param publicKey 32 bytes, or its 40 Z85 characters as bytes
     * @return this authenticator
     * @throws ZmqException {@link ErrorCode#EINVAL} for any other length or bad Z85
     */
    public Authenticator curveKey(byte[] publicKey) {
        String z85 = Z85.encode(Z85.curveKey(publicKey));
        update(r -> new Rules(r.addresses(), r.plain(), r.curve().withKey(z85)));
        return this;
    }

    /**
     * Accepts a CURVE client with this long-term public key, given as Z85 text.
     *
     * <pre>{@code auth.curveKey(Files.readString(Path.of("client.z85")).strip());}</pre>
     *
     * @param publicKeyZ85 40 Z85 characters
     * @return this authenticator
     * @throws ZmqException {@link ErrorCode#EINVAL} for any other length or bad Z85
     */
    public Authenticator curveKey(String publicKeyZ85) {
        return curveKey(publicKeyZ85.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Accepts the CURVE client of a certificate. Its metadata goes to the connections it
     * authenticates, as zauth does: each received {@link Msg#property(String)} shows it (entries
     * whose names a ZAP reply cannot carry are left out).
     *
     * <pre>{@code auth.curveCertificate(CurveCertificate.load(Path.of("certs/client-7")));}</pre>
     *
     * @param certificate the client's certificate; its secret key, if any, is not used
     * @return this authenticator
     */
    public Authenticator curveCertificate(CurveCertificate certificate) {
        String z85 = certificate.publicKeyZ85();
        Map<String, String> metadata = certificate.metadata();
        update(r -> new Rules(r.addresses(), r.plain(), r.curve().withCertificate(z85, metadata)));
        return this;
    }

    /**
     * Accepts the CURVE clients whose public certificates are in a directory, as zauth's
     * certificate store does. Every regular file in the directory (not in subdirectories) is read
     * as a CZMQ {@code zcert} certificate: the key is the {@code public-key} of its {@code curve}
     * section, and the certificate's metadata goes to the connections it authenticates (see
     * {@link #curveCertificate}). Files that are not certificates are logged at WARNING and skipped. The directory is
     * read now and again whenever a file in it is added, removed or changed. Replaces an earlier
     * directory.
     *
     * <pre>{@code
     * #   ZeroMQ CURVE Public Certificate
     * curve
     *     public-key = "...40 Z85 characters..."
     * }</pre>
     *
     * @param directory the directory of certificates
     * @return this authenticator
     * @throws java.io.UncheckedIOException if it is not a readable directory
     */
    public Authenticator curveCertificates(Path directory) {
        CertificateDirectory certificates = new CertificateDirectory(Objects.requireNonNull(directory, "directory"));
        update(r -> new Rules(r.addresses(), r.plain(), r.curve().withDirectory(certificates)));
        return this;
    }

    /**
     * Accepts every CURVE client key (zauth's {@code CURVE_ALLOW_ANY}): traffic is encrypted and
     * the server proves its identity, but clients are not identified. Address rules still apply.
     *
     * <pre>{@code auth.curveAllowAny();}</pre>
     *
     * @return this authenticator
     */
    public Authenticator curveAllowAny() {
        update(r -> new Rules(r.addresses(), r.plain(), r.curve().withAllowAny()));
        return this;
    }

    /**
     * Decides about one connection with the rules in force now, and logs the decision.
     *
     * <pre>{@code
     * ZapDecision d = auth.authenticate(ZapRequest.builder().address("127.0.0.1").plain("admin", "secret").build());
     * }</pre>
     *
     * @param request the request
     * @return 200 with the user id, or 400 with the reason
     */
    @Override
    public ZapDecision authenticate(ZapRequest request) {
        ZapDecision decision = decide(rules.get(), request);
        if (decision.isAllowed()) {
            LOG.log(Level.DEBUG, () -> "allowed " + request);
        } else {
            LOG.log(Level.INFO, () -> "denied " + request + ": " + decision.statusText());
        }
        return decision;
    }

    private static ZapDecision decide(Rules rules, ZapRequest request) {
        String refusal = rules.addresses().refusal(request.address());
        if (refusal != null) {
            return ZapDecision.deny(refusal);
        }
        switch (request.mechanism()) {
            case PLAIN: {
                List<byte[]> credentials = request.credentials();
                refusal = rules.plain().refusal(credentials.get(0), credentials.get(1));
                return refusal == null ? ZapDecision.allow(request.username()) : ZapDecision.deny(refusal);
            }
            case CURVE: {
                String key = request.clientKeyZ85();
                refusal = rules.curve().refusal(key);
                return refusal == null ? ZapDecision.allow(key, properties(rules.curve().metadataOf(key)))
                        : ZapDecision.deny(refusal);
            }
            default:
                return ZapDecision.allow("");
        }
    }

    /** A certificate's metadata as ZAP properties: UTF-8 values, names a ZAP reply cannot carry left out. */
    private static Map<String, byte[]> properties(Map<String, String> metadata) {
        if (metadata.isEmpty()) {
            return Map.of();
        }
        Map<String, byte[]> properties = new LinkedHashMap<>();
        metadata.forEach((name, value) -> {
            if (ZAP_PROPERTY_NAME.matcher(name).matches()) {
                properties.put(name, value.getBytes(StandardCharsets.UTF_8));
            } else {
                LOG.log(Level.DEBUG, () -> "certificate metadata " + name + " is not a valid property name; left out");
            }
        });
        return properties;
    }

    private Rules update(UnaryOperator<Rules> change) {
        return rules.updateAndGet(change);
    }

    private static void warnIfDenyListIgnored(Rules changed) {
        if (changed.addresses().ignoresDenyList()) {
            LOG.log(Level.WARNING, "both allowed and denied addresses are set: the deny list is ignored");
        }
    }

    @Override
    public String toString() {
        Rules now = rules.get();
        return "Authenticator[allowed=" + now.addresses().allowed().size()
                + " denied=" + now.addresses().denied().size()
                + " plainUsers=" + now.plain().users().size() + (now.plain().file() == null ? "" : "+file")
                + " curveKeys=" + (now.curve().allowAny() ? "any" : now.curve().keys().size()
                        + (now.curve().directory() == null ? "" : "+directory")) + "]";
    }
}
