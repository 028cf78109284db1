package io.mipgate.api;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/** Registers the strict number and boolean parsing of {@link StrictInputConfiguration} on every API binder. */
@ControllerAdvice(basePackages = "io.mipgate.api")
class StrictBinding {

    @InitBinder
    void strictScalars(WebDataBinder binder) {
        binder.registerCustomEditor(int.class, new StrictInputConfiguration.DecimalEditor(false, false));
        binder.registerCustomEditor(Integer.class, new StrictInputConfiguration.DecimalEditor(false, true));
        binder.registerCustomEditor(long.class, new StrictInputConfiguration.DecimalEditor(true, false));
        binder.registerCustomEditor(Long.class, new StrictInputConfiguration.DecimalEditor(true, true));
        binder.registerCustomEditor(boolean.class, new StrictInputConfiguration.BooleanEditor(false));
        binder.registerCustomEditor(Boolean.class, new StrictInputConfiguration.BooleanEditor(true));
    }
}
