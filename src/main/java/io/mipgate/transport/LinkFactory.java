package io.mipgate.transport;

/**
 * Creates an unopened {@link Link} for one scheme. Creation must not do I/O: {@link Link#open()} does, so a
 * recovery loop can recreate and reopen a link without re-reading configuration.
 */
@FunctionalInterface
public interface LinkFactory {

    /**
     * @param moduleId for log lines and error messages
     * @param spec a spec whose {@link LinkSpec#scheme()} is the one this factory was registered for
     * @throws LinkConfigurationException if the spec's options are not acceptable to this factory
     */
    Link create(String moduleId, LinkSpec spec);
}
