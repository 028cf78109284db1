package io.mipgate.metrics;

import io.mipgate.module.ModuleDirectory;
import io.mipgate.module.ModuleSnapshot;
import io.mipgate.store.BoxId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/info} {@code gateway}: this gateway's id (the {@code box} of its metrics, history and events), the
 * models it drives and each module with its link, model, firmware and status. Version and commit come beside it from
 * the build ({@code build}, {@code git}).
 */
@Component
public class GatewayInfoContributor implements InfoContributor {

    private final BoxId box;
    private final ObjectProvider<ModuleDirectory> directory;

    public GatewayInfoContributor(BoxId box, ObjectProvider<ModuleDirectory> directory) {
        this.box = box;
        this.directory = directory;
    }

    @Override
    public void contribute(Info.Builder builder) {
        ModuleDirectory modules = directory.getIfAvailable();
        List<ModuleSnapshot> snapshots = modules == null ? List.of() : modules.modules();
        Map<String, Object> gateway = new LinkedHashMap<>();
        gateway.put("id", box.value());
        gateway.put("models", snapshots.stream().map(ModuleSnapshot::model).filter(Objects::nonNull).distinct()
                .sorted().toList());
        gateway.put("modules", snapshots.stream().map(GatewayInfoContributor::module).toList());
        builder.withDetail("gateway", gateway);
    }

    private static Map<String, Object> module(ModuleSnapshot m) {
        Map<String, Object> module = new LinkedHashMap<>();
        module.put("id", m.id());
        module.put("link", m.link());
        module.put("model", m.model());
        module.put("firmware", m.firmware());
        module.put("status", m.status().name());
        return module;
    }
}
