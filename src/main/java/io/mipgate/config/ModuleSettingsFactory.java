package io.mipgate.config;

import io.mipgate.at.model.ModelFamily;
import io.mipgate.module.ModuleSettings;
import io.mipgate.transport.LinkConfigurationException;
import io.mipgate.transport.LinkSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns {@code mipgate.modules[*]} into worker settings, failing with a message that names the module and setting. */
final class ModuleSettingsFactory {

    private ModuleSettingsFactory() {
    }

    static List<ModuleSettings> from(MipgateProperties properties) {
        Set<String> ids = new HashSet<>();
        List<MipgateProperties.Module> modules = properties.getModules();
        for (int i = 0; i < modules.size(); i++) {
            String id = modules.get(i).getId();
            if (id == null || id.isBlank()) {
                throw new LinkConfigurationException("mipgate.modules[" + i + "]", "id", "missing");
            }
            if (!ids.add(id)) {
                throw new LinkConfigurationException(id, "id", "configured twice");
            }
        }
        return modules.stream().map(ModuleSettingsFactory::settings).toList();
    }

    private static ModuleSettings settings(MipgateProperties.Module module) {
        String id = module.getId();
        if (module.getPort() == null || module.getPort().isBlank()) {
            throw new LinkConfigurationException(id, "port", "missing (serial:/dev/ttyUSB2?baud=115200, tcp://host:port or emulator:ML307R)");
        }
        LinkSpec link = LinkSpec.parse(id, module.getPort());
        ModelFamily model = null;
        if (module.getModel() != null && !module.getModel().equalsIgnoreCase("auto")) {
            try {
                model = ModelFamily.parse(module.getModel());
            } catch (IllegalArgumentException e) {
                throw new LinkConfigurationException(id, "model", e.getMessage());
            }
        }
        recovery(id, module);
        if (module.getQueueCapacity() < 1) {
            throw new LinkConfigurationException(id, "queue-capacity", "must be at least 1");
        }
        long receive = module.getReceiveBuffer().toBytes();
        if (receive < 1024 || receive > 64L * 1024 * 1024) {
            throw new LinkConfigurationException(id, "receive-buffer", "must be between 1KB and 64MB");
        }
        return ModuleSettings.defaults(id, link)
                .withModel(model)
                .withQueueCapacity(module.getQueueCapacity())
                .withReceiveBuffer((int) receive)
                .withIntervals(module.getSackInterval(), module.getReconcileInterval())
                .withRecovery(recovery(id, module))
                .withEscapeGuard(module.getEscapeGuard())
                .withCloseOnShutdown(module.isCloseOnShutdown())
                .withApn(apn(id, module.getApn()))
                .withLineRateSearch(lineRateSearch(id, module.getLineRateSearch()));
    }

    /** Labels of letters, digits and hyphens joined by dots, at most 100 octets (3GPP TS 23.003 §9.1). */
    private static String apn(String id, String apn) {
        if (apn == null || apn.isBlank()) {
            return null;
        }
        if (apn.length() > 100 || !apn.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*")) {
            throw new LinkConfigurationException(id, "apn", "must be labels of letters, digits and hyphens joined by "
                    + "dots, at most 100 characters: " + apn);
        }
        return apn;
    }

    private static ModuleSettings.LineRateSearch lineRateSearch(String id, MipgateProperties.LineRateSearch search) {
        if (search.getRates() == null || search.getRates().isEmpty()) {
            throw new LinkConfigurationException(id, "line-rate-search.rates", "must list at least one rate");
        }
        try {
            return new ModuleSettings.LineRateSearch(search.isEnabled(), search.getRates(), search.getProbeTimeout(),
                    search.getProbesAfterChange());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new LinkConfigurationException(id, "line-rate-search", e.getMessage());
        }
    }

    private static ModuleSettings.Recovery recovery(String id, MipgateProperties.Module module) {
        if (!module.getBackoffInitial().isPositive()) {
            throw new LinkConfigurationException(id, "backoff-initial", "must be positive");
        }
        if (module.getBackoffMax().compareTo(module.getBackoffInitial()) < 0) {
            throw new LinkConfigurationException(id, "backoff-max", "must not be below backoff-initial ("
                    + module.getBackoffInitial() + ")");
        }
        atLeast(id, "max-recovery-attempts", module.getMaxRecoveryAttempts(), 0);
        atLeast(id, "timeouts-before-reboot", module.getTimeoutsBeforeReboot(), 1);
        atLeast(id, "reopens-before-reboot", module.getReopensBeforeReboot(), 1);
        atLeast(id, "soft-reboots", module.getSoftReboots(), 0);
        if (module.getBootWait().isNegative()) {
            throw new LinkConfigurationException(id, "boot-wait", "must not be negative");
        }
        try {
            return ModuleSettings.Recovery.DEFAULTS
                    .withBackoff(module.getBackoffInitial(), module.getBackoffMax(), module.getMaxRecoveryAttempts())
                    .withReboots(module.getTimeoutsBeforeReboot(), module.getReopensBeforeReboot(),
                            module.getSoftReboots(), module.getBootWait());
        } catch (IllegalArgumentException e) {
            throw new LinkConfigurationException(id, "recovery", e.getMessage());
        }
    }

    private static void atLeast(String id, String setting, int value, int minimum) {
        if (value < minimum) {
            throw new LinkConfigurationException(id, setting, "must be at least " + minimum);
        }
    }
}
