package io.mipgate.api;

import io.mipgate.api.problem.ApiException;
import io.mipgate.api.problem.FieldProblem;
import io.mipgate.api.problem.ProblemType;
import io.mipgate.at.command.AtCommand;
import io.mipgate.at.model.IntRange;
import io.mipgate.at.model.ModelProfile;
import io.mipgate.module.DeviceManager;
import io.mipgate.module.ModuleClient;
import java.util.List;
import org.springframework.stereotype.Component;

/** Finds modules and checks identifiers and commands against the module's profile before anything is queued. */
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
        IntRange ids = client.profile().connectIds();
        if (!ids.contains(connectId)) {
            throw new ApiException(ProblemType.UNKNOWN_CONNECTION, "module " + client.id() + " (" + client.profile().name()
                    + ") has connect_id " + ids.min() + ".." + ids.max() + ", not " + connectId, client.id(), null);
        }
        return connectId;
    }

    /** A connect_id in a request body: outside the model's range the input is invalid (400). */
    static Integer bodyConnectId(ModuleClient client, Integer connectId) {
        if (connectId == null) {
            return null;
        }
        IntRange ids = client.profile().connectIds();
        if (!ids.contains(connectId)) {
            String allowed = ids.min() + ".." + ids.max() + " on " + client.profile().name();
            throw new ApiException(ProblemType.INVALID_REQUEST, "connectId: allowed " + allowed, client.id(),
                    List.of(new FieldProblem("connectId", String.valueOf(connectId), allowed)));
        }
        return connectId;
    }

    /** Encodes the command against the profile, discarding the bytes: range, injection and model checks up front. */
    static <C extends AtCommand> C checked(ModuleClient client, C command) {
        ModelProfile profile = client.profile();
        command.encode(profile);
        return command;
    }
}
