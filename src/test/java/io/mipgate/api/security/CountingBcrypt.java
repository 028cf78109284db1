package io.mipgate.api.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A bcrypt at the lowest cost that counts the checks asked of it, and against which hash. */
final class CountingBcrypt implements PasswordEncoder {

    static final BCryptPasswordEncoder CHEAP_BCRYPT = new BCryptPasswordEncoder(4);

    final AtomicInteger checks = new AtomicInteger();
    final List<String> against = new CopyOnWriteArrayList<>();

    @Override
    public String encode(CharSequence raw) {
        return CHEAP_BCRYPT.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        checks.incrementAndGet();
        against.add(encoded);
        return CHEAP_BCRYPT.matches(raw, encoded);
    }
}
