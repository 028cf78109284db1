package io.mipgate.transport;

/**
 * A link setting that cannot work: an unknown scheme, option or value. Not retryable — the configuration has to
 * change. The message always names the module and the offending setting so an operator can find the line to fix.
 */
public final class LinkConfigurationException extends IllegalArgumentException {

    private final String moduleId;
    private final String setting;

    public LinkConfigurationException(String moduleId, String setting, String problem) {
        super("module '" + moduleId + "': link setting '" + setting + "': " + problem);
        this.moduleId = moduleId;
        this.setting = setting;
    }

    public String moduleId() {
        return moduleId;
    }

    /** The option or part of the link string that is wrong: {@code baud}, {@code scheme}, {@code port}, … */
    public String setting() {
        return setting;
    }
}
