package io.mipgate.transport;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry from scheme to {@link LinkFactory}. Transport registers {@code serial} and {@code tcp}; other
 * packages add theirs (the emulator registers {@code emulator}) without transport depending on them.
 */
public final class LinkFactories {

    private final Map<String, LinkFactory> factories = new ConcurrentHashMap<>();

    /** A registry with {@code serial} (jSerialComm) and {@code tcp} (serial server) registered. */
    public static LinkFactories withDefaults() {
        LinkFactories registry = new LinkFactories();
        registry.register("serial", (moduleId, spec) -> new SerialLink(moduleId, (LinkSpec.Serial) spec));
        registry.register("tcp", (moduleId, spec) -> new TcpLink(moduleId, (LinkSpec.Tcp) spec));
        return registry;
    }

    /** Registers or replaces the factory for {@code scheme}; replacing lets tests substitute a scripted link. */
    public LinkFactories register(String scheme, LinkFactory factory) {
        factories.put(scheme, factory);
        return this;
    }

    /** The factory that serves {@code scheme}, if any: the one whose links the workers will open. */
    public Optional<LinkFactory> factory(String scheme) {
        return Optional.ofNullable(factories.get(scheme));
    }

    public Set<String> schemes() {
        return new TreeSet<>(factories.keySet());
    }

    /**
     * Creates an unopened link for {@code spec}.
     *
     * @throws LinkConfigurationException if no factory serves the spec's scheme
     */
    public Link create(String moduleId, LinkSpec spec) {
        LinkFactory factory = factories.get(spec.scheme());
        if (factory == null) {
            throw new LinkConfigurationException(moduleId, "scheme", "no link factory is registered for '"
                    + spec.scheme() + "' (registered: " + String.join(", ", schemes()) + ")");
        }
        return factory.create(moduleId, spec);
    }

    /** Parses {@code text} and creates an unopened link for it. */
    public Link create(String moduleId, String text) {
        return create(moduleId, LinkSpec.parse(moduleId, text));
    }
}
