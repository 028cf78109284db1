package io.mipgate.api;

import io.mipgate.api.problem.ApiException;
import io.mipgate.api.problem.FieldProblem;
import io.mipgate.api.problem.ProblemType;
import io.mipgate.module.DeviceManager;
import io.mipgate.module.ModuleClient;
import io.mipgate.module.request.ModuleCapabilities;
import java.util.List;
import org.springframework.stereotype.Component;

/** Finds modules and checks connect_ids against the module's model before anything is queued. */
@Component
class ModuleAccess {

    private final DeviceManager devices;

    ModuleAccess(DeviceManager devices) {
        this.devices = devices;
    }

    ModuleClient client(String moduleId) {
        return devices.client(moduleId);
    }

    /** A connect_id in a path: outside the model's range the resource does not exist (404). */
    static int pathConnectId(ModuleClient client, int connectId) {
        ModuleCapabilities model = client.capabilities();
        if (!model.hasConnectId(connectId)) {
            throw new ApiException(ProblemType.UNKNOWN_CONNECTION, "module " + client.id() + " (" + model.model()
                    + ") has connect_id " + model.connectIdRange() + ", not " + connectId, client.id(), null);
        }
        return connectId;
    }

    /** A connect_id in a request body: outside the model's range the input is invalid (400). */
    static Integer bodyConnectId(ModuleClient client, Integer connectId) {
        if (connectId == null) {
            return null;
        }
        ModuleCapabilities model = client.capabilities();
        if (!model.hasConnectId(connectId)) {
            String allowed = model.connectIdRange() + " on " + model.model();
            throw new ApiException(ProblemType.INVALID_REQUEST, "connectId: allowed " + allowed, client.id(),
                    List.of(new FieldProblem("connectId", String.valueOf(connectId), allowed)));
        }
        return connectId;
    }
}
