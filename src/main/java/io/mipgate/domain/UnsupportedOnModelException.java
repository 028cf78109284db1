package io.mipgate.domain;

/** A command, form or option that the module's model family does not have (capability matrix, AT-REFERENCE §5). */
public class UnsupportedOnModelException extends InvalidParameterException {

    public UnsupportedOnModelException(String feature, String model) {
        super(feature, "requested", "not supported", model);
    }

    @Override
    public String getMessage() {
        return parameter() + " is not supported on " + model();
    }
}
